package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.report.ReportWriter;
import dev.scout.app.report.RunSummary;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/** {@code scout report}: writes the self-contained HTML report of a stored run. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the HTML report (one self-contained file) of the newest scored run, or --run ID.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Report file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("report.html");

    @Option(names = "--run", paramLabel = "ID", description = "Run to report (default: the newest run with scores).")
    Long run;

    @Mixin
    StoreSource source;

    @Override
    public Integer call() {
        String storeFile = source.storeName();
        try (Store store = source.open()) {
            var stored = StoreSource.scoredRun(store, Optional.ofNullable(run), storeFile);
            // Counted in one streaming pass, then the report reads the verdicts again: memory never holds the run.
            long scored = 0;
            long flagged = 0;
            for (Iterator<ScoredProfile> it = store.scores(stored.id()); it.hasNext(); ) {
                scored++;
                flagged += it.next().flagged() ? 1 : 0;
            }
            Duration wall = stored.finishedAt().map(end -> Duration.between(stored.startedAt(), end)).orElse(Duration.ZERO);
            var c = stored.counters();
            RunSummary summary = new RunSummary(String.valueOf(stored.id()), stored.startedAt(), wall, scored,
                    flagged, c.getOrDefault("requests", 0L),
                    c.getOrDefault("tooManyRequests", 0L), OptionalDouble.empty(), OptionalDouble.empty(),
                    List.of("store: " + storeFile, "config hash: " + stored.configHash()));
            new ReportWriter().write(out, summary, store.scores(stored.id()));
            System.out.println("Wrote the report of run " + stored.id() + " (" + scored + " profiles) to " + out);
            return ExitCodes.OK;
        }
    }
}
