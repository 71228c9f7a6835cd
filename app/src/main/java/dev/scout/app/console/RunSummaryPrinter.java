package dev.scout.app.console;

import dev.scout.app.pipeline.JobResult;
import dev.scout.crawler.engine.Frontier;
import dev.scout.scorer.ScoredProfile;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the end of a run: the best flagged candidates, the run summary, and where the files are. */
public final class RunSummaryPrinter {
    private static final int TOP = 10;

    private RunSummaryPrinter() {
    }

    public static void print(PrintStream out, JobResult r) {
        List<ScoredProfile> flagged = r.topFlagged().stream().limit(TOP).toList();
        out.println();
        out.printf(Locale.ROOT, "Top %d flagged candidates (of %d flagged):%n", flagged.size(), r.flaggedCount());
        out.printf(Locale.ROOT, "  %5s  %-34s %9s %7s %6s %6s  %s%n", "score", "handle", "followers", "ER", "niche", "spons", "tier");
        for (ScoredProfile p : flagged) {
            out.printf(Locale.ROOT, "  %5.1f  %-34s %9s %7s %5.0f%% %5.0f%%  %s%n",
                    p.score(),
                    TerminalText.safe(p.account().handle(), 34),
                    p.account().followers().isPresent() ? String.format(Locale.ROOT, "%,d", p.account().followers().getAsLong()) : "?",
                    p.engagement().rate().isPresent() ? String.format(Locale.ROOT, "%.2f%%", 100 * p.engagement().rate().getAsDouble()) : "?",
                    100 * p.niche().share(),
                    100 * p.sponsorship().share(),
                    p.tier().band());
        }
        if (flagged.isEmpty()) {
            out.println("  (none — see reasons in candidates.csv for why each profile was not flagged)");
        }
        out.println();
        out.println("Run summary:");
        var c = r.crawl();
        out.printf(Locale.ROOT, "  profiles   %d scored; frontier: %d done, %d skipped, %d failed, %d pending%n",
                r.scoredCount(), c.count(Frontier.EntryState.DONE), c.count(Frontier.EntryState.SKIPPED),
                c.count(Frontier.EntryState.FAILED), c.count(Frontier.EntryState.PENDING));
        long requests = r.fetchStats().totalRequests();
        out.printf(Locale.ROOT, "  requests   %d (%.2f per scored profile, %s per flagged candidate); 429 answers: %d%n",
                requests, r.scoredCount() == 0 ? 0.0 : (double) requests / r.scoredCount(),
                r.flaggedCount() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) requests / r.flaggedCount()),
                r.fetchStats().totalTooManyRequests());
        out.printf(Locale.ROOT, "  flagged    %d%n", r.flaggedCount());
        out.printf(Locale.ROOT, "  wall time  %.1f s (crawl %.1f s)%n", r.wallTime().toMillis() / 1000.0,
                c.wallTime().toMillis() / 1000.0);
        out.println("  per host   requests, 429s, retries, waiting on limits, outcomes:");
        new java.util.TreeMap<>(r.fetchStats().hosts()).forEach((host, h) -> out.printf(Locale.ROOT,
                "    %-24s %6d req %4d×429 %4d retries %6.1f s waited  %s%n", host, h.requests(), h.tooManyRequests(),
                h.retries(), h.waitMillis() / 1000.0, new java.util.TreeMap<>(h.outcomes())));
        c.warnings().stream().limit(10).forEach(w -> out.println("  warning    " + TerminalText.safe(w, 200)));
        if (c.warnings().size() > 10) {
            out.println("  warning    … and " + (c.warnings().size() - 10) + " more (see crawl-stats.json)");
        }
        out.println();
        r.outputs().forEach((kind, path) -> out.printf(Locale.ROOT, "  %-8s %s%n", kind, path));
    }
}
