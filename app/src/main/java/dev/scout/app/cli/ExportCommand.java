package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.RunFailedException;
import dev.scout.app.UsageException;
import dev.scout.app.export.ExportException;
import dev.scout.app.export.ExportFormat;
import dev.scout.app.export.ExportJob;
import dev.scout.app.export.ReviewLookup;
import dev.scout.app.export.ReviewedOnly;
import dev.scout.app.export.RunInfo;
import dev.scout.app.pipeline.HubSpotExport;
import dev.scout.config.ScoutConfig;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.ReviewStatus;
import dev.scout.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scout export}: writes the scores of a stored run as CSV or JSON Lines, or upserts them into HubSpot, with the
 * scouts' reviews in the {@code review_*} columns; {@code --only STATUS} keeps the profiles reviewed so.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Exports the newest scored run (or --run ID) from the store as csv, jsonl, or into HubSpot.")
public final class ExportCommand implements Callable<Integer> {

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "csv, jsonl or hubspot.")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output file (csv/jsonl; default: candidates.<format> in the current folder). For hubspot: the folder for its progress file.")
    Path out;

    @Option(names = "--run", paramLabel = "ID", description = "Run to export (default: the newest run with scores).")
    Long run;

    @Option(names = "--bom", description = "Start the CSV with a UTF-8 byte-order mark (for Excel).")
    boolean bom;

    @Option(names = "--only", paramLabel = "STATUS", description = "Only profiles reviewed with this status in 'scout serve': shortlisted, rejected or undecided.")
    String only;

    @Mixin
    StoreSource source;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("hubspot") && !f.equals("csv") && !f.equals("jsonl")) {
            throw new UsageException("--format must be csv, jsonl or hubspot (got '" + format + "')");
        }
        Optional<ReviewStatus> onlyStatus = Optional.ofNullable(only).map(o -> ReviewStatus.fromKey(o).orElseThrow(
                () -> new UsageException("--only must be shortlisted, rejected or undecided (got '" + o + "')")));
        Path storeFile = source.storeFile();
        try (Store store = source.open()) {
            var stored = StoreSource.scoredRun(store, Optional.ofNullable(run), storeFile);
            ReviewLookup reviews = ReviewLookup.of(store);
            RunInfo info = new RunInfo(String.valueOf(stored.id()), stored.startedAt(), stored.version(), stored.configHash(),
                    reviews);
            Iterator<ScoredProfile> profiles = onlyStatus.<Iterator<ScoredProfile>>map(
                    st -> new ReviewedOnly(store.scores(stored.id()), reviews, st)).orElseGet(() -> store.scores(stored.id()));
            if (f.equals("hubspot")) {
                Optional<ScoutConfig> config = source.config();
                Path dir = out != null ? out : Path.of(".");
                var report = HubSpotExport.upload(config.map(ScoutConfig::hubspot), dir, info, profiles);
                System.out.println(HubSpotExport.describe(report));
                return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
            }
            ExportFormat fmt = ExportFormat.parse(f);
            Path target = out != null ? out : Path.of(fmt.defaultFileName());
            long n;
            try {
                n = ExportJob.run(fmt.newExporter(bom), target, info, profiles);
            } catch (ExportException e) {
                if (e.kind() == ExportException.Kind.NOTHING_TO_EXPORT && onlyStatus.isPresent()) {
                    throw new RunFailedException("no profile of run " + stored.id() + " is reviewed as "
                            + onlyStatus.get().key() + "; review candidates with 'scout serve' first", e);
                }
                throw e;
            }
            System.out.println("Wrote " + n + " " + onlyStatus.map(st -> st.key() + " ").orElse("") + "profiles of run "
                    + stored.id() + " to " + target);
            return ExitCodes.OK;
        }
    }
}
