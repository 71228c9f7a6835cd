package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.app.export.ExportFormat;
import dev.scout.app.export.ExportJob;
import dev.scout.app.export.RunInfo;
import dev.scout.app.pipeline.HubSpotExport;
import dev.scout.config.ScoutConfig;
import dev.scout.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code scout export}: writes the scores of a stored run as CSV or JSON Lines, or upserts them into HubSpot. */
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

    @Mixin
    StoreSource source;

    @Override
    public Integer call() {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("hubspot") && !f.equals("csv") && !f.equals("jsonl")) {
            throw new UsageException("--format must be csv, jsonl or hubspot (got '" + format + "')");
        }
        String storeFile = source.storeName();
        try (Store store = source.open()) {
            var stored = StoreSource.scoredRun(store, Optional.ofNullable(run), storeFile);
            RunInfo info = new RunInfo(String.valueOf(stored.id()), stored.startedAt(), stored.version(), stored.configHash());
            if (f.equals("hubspot")) {
                Optional<ScoutConfig> config = source.config();
                Path dir = out != null ? out : Path.of(".");
                var report = HubSpotExport.upload(config.map(ScoutConfig::hubspot), dir, info, store.scores(stored.id()));
                System.out.println(HubSpotExport.describe(report));
                return report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
            }
            ExportFormat fmt = ExportFormat.parse(f);
            Path target = out != null ? out : Path.of(fmt.defaultFileName());
            long n = ExportJob.run(fmt.newExporter(bom), target, info, store.scores(stored.id()));
            System.out.println("Wrote " + n + " profiles of run " + stored.id() + " to " + target);
            return ExitCodes.OK;
        }
    }
}
