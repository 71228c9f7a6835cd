package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.console.RunSummaryPrinter;
import dev.scout.app.pipeline.Console;
import dev.scout.app.pipeline.JobResult;
import dev.scout.app.pipeline.ScoutJob;
import dev.scout.config.ScoutConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code scout run}: the whole job on the instances named in a config file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole job (discover, crawl, score, write outputs) on the platforms named in the config.",
                "Resumes an interrupted run from the store; re-fetches only profiles older than crawl.refreshAfter."})
public final class RunCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file (default: ${DEFAULT-VALUE}).")
    Path config = Path.of("scout.yaml");

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder; overrides output.dir.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; only the results.")
    boolean quiet;

    @Option(names = "--store", paramLabel = "URL", description = {"A PostgreSQL store shared with `scout worker`"
            + " processes (postgresql://host:port/database): this process crawls as one of the fleet, as it does"
            + " whenever the config's store is a PostgreSQL URL."})
    String store;

    @Override
    public Integer call() throws InterruptedException {
        ScoutConfig loaded = ConfigFiles.load(config);
        // On a PostgreSQL store `scout run` is always one of the fleet: a single-process job there would ignore the
        // workers' host leases and send requests for hosts another worker owns.
        if (store != null || FleetStore.isPostgres(loaded.store().location())) {
            return WorkerCommand.work(loaded, store != null ? store : loaded.store().location(), out, 4, quiet);
        }
        Path outDir = out != null ? out : loaded.output().dir();
        Console console = Console.system(quiet);
        JobResult result = new ScoutJob(Clock.systemUTC()).run(loaded, outDir, console);
        RunSummaryPrinter.print(console.out(), result);
        return ExitCodes.OK;
    }
}
