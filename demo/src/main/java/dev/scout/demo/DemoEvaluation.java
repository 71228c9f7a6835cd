package dev.scout.demo;

import dev.scout.app.RunFailedException;
import dev.scout.scorer.ScoredProfile;
import dev.scout.simnet.population.Population;
import dev.scout.store.SqliteStore;
import dev.scout.store.Store;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's evaluation, made after the job from the verdicts it stored: precision and recall of the flagged set
 * against the simulator's ground truth, every wrong flag and every missed pick with the truth's reasons and the
 * scorer's, and audience quality against the simulator's follower labels. Immutable once built.
 *
 * @param accuracy  precision and recall
 * @param wrong     "id: truth says …; scorer says …" for each flagged account that is not a pick
 * @param missed    the same for each pick that was not flagged (or never scored)
 * @param audience  audience quality against the simulator's labels, one line
 */
record DemoEvaluation(PrecisionRecall accuracy, List<String> wrong, List<String> missed, String audience) {

    DemoEvaluation {
        wrong = List.copyOf(wrong);
        missed = List.copyOf(missed);
    }

    /** Reads run {@code runId}'s verdicts back from {@code storeFile} and judges them against {@code truth}. */
    static DemoEvaluation of(Path storeFile, long runId, DemoTruth truth, Population population, double audienceGatePct) {
        Set<String> flagged = new HashSet<>();
        Set<String> scored = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        AudienceError audience = new AudienceError(audienceGatePct);
        try (Store store = SqliteStore.open(storeFile)) {
            for (Iterator<ScoredProfile> it = store.scores(runId); it.hasNext(); ) {
                ScoredProfile p = it.next();
                String id = p.account().id();
                scored.add(id);
                truth.account(id).ifPresent(a -> audience.add(p, a, population));
                if (p.flagged()) {
                    flagged.add(id);
                    if (!truth.isPick(id)) {
                        wrong.add(line(id, truth, p, population));
                    }
                } else if (truth.isPick(id)) {
                    missed.add(line(id, truth, p, population));
                }
            }
        }
        for (String id : truth.picks()) {
            if (!scored.contains(id)) {
                missed.add(id + "\n    truth: " + truth.why(id)
                        + "\n    scorer: never scored (not discovered, skipped or failed; see 'scout status')");
            }
        }
        wrong.sort(null);
        missed.sort(null);
        return new DemoEvaluation(PrecisionRecall.of(flagged, truth.picks()), wrong, missed, audience.describe());
    }

    private static String line(String id, DemoTruth truth, ScoredProfile p, Population population) {
        String failed = p.gates().stream().filter(g -> !g.passed()).map(ScoredProfile.Gate::explanation)
                .collect(Collectors.joining("; "));
        String audience = truth.account(id).map(a -> AudienceError.truePct(p, a, population)).orElse(OptionalDouble.empty())
                .stream().mapToObj(t -> String.format(Locale.ROOT, "\n    audience: the scorer estimated %.0f%% of its"
                        + " follower sample real; by the simulator's labels %.0f%% are",
                        p.authenticity().audienceRealPct().getAsDouble(), t)).findFirst().orElse("");
        return id + "\n    truth: " + truth.why(id) + "\n    scorer: "
                + (p.flagged() ? "flagged (" + p.reasons() + ")" : "not flagged: " + failed) + audience;
    }

    /** The lines the demo prints after the run summary. */
    void print(PrintStream out) {
        PrecisionRecall e = accuracy;
        out.printf(Locale.ROOT,
                "  accuracy   precision %.3f, recall %.3f against the simulator's ground truth (%d true picks; %d right,"
                        + " %d wrong, %d missed; each explained in demo-evaluation.txt)%n",
                e.precision(), e.recall(), e.truePositives() + e.falseNegatives(), e.truePositives(),
                e.falsePositives(), e.falseNegatives());
        out.println("  audience   " + audience.substring(audience.indexOf(':') + 2));
    }

    /** Writes {@code demo-evaluation.txt}. */
    void write(Path target) {
        List<String> lines = new ArrayList<>();
        PrecisionRecall e = accuracy;
        lines.add(String.format(Locale.ROOT, "precision %.3f, recall %.3f (%d true picks; %d right, %d wrong, %d missed)",
                e.precision(), e.recall(), e.truePositives() + e.falseNegatives(), e.truePositives(),
                e.falsePositives(), e.falseNegatives()));
        lines.add(audience);
        lines.add("");
        lines.add("# Flagged but not a true pick (false positives): the truth's reasons, then the scorer's");
        lines.addAll(wrong);
        lines.add("");
        lines.add("# True picks not flagged (false negatives): the truth's facts, then the gates that failed");
        lines.addAll(missed);
        try {
            Files.write(target, lines, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new RunFailedException("cannot write " + target + ": " + ex.getMessage(), ex);
        }
    }
}
