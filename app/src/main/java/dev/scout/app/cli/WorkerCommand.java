package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.app.console.RunSummaryPrinter;
import dev.scout.app.pipeline.Console;
import dev.scout.app.pipeline.FleetJob;
import dev.scout.app.pipeline.FleetSettings;
import dev.scout.app.pipeline.JobResult;
import dev.scout.config.ScoutConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code scout worker}: one of any number of processes, on any machines, crawling one run on a shared PostgreSQL
 * store. Each host is crawled by one worker at a time (host leases); the worker that finds the run finished scores
 * it and writes the outputs, exactly once.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Joins the run on a shared PostgreSQL store (or starts it) and crawls it with the other workers.",
                "Start any number, on any machines; each host is crawled by one worker at a time, and exactly one",
                "worker scores the run and writes the outputs when nothing is left to crawl."})
public final class WorkerCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Config file (default: ${DEFAULT-VALUE}).")
    Path config = Path.of("scout.yaml");

    @Option(names = "--store", paramLabel = "URL",
            description = "The shared store, instead of the config's store.url: postgresql://host:port/database (credentials from the URL or PGUSER/PGPASSWORD).")
    String store;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder of the worker that finishes the run; overrides output.dir.")
    Path out;

    @Option(names = "--max-hosts", paramLabel = "N", description = "Hosts this worker leases at a time (default: ${DEFAULT-VALUE}).")
    int maxHosts = 4;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; only the results.")
    boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        ScoutConfig loaded = ConfigFiles.load(config);
        return work(loaded, store != null ? store : loaded.store().location(), out, maxHosts, quiet);
    }

    /** Runs one worker; shared with {@code scout run --store postgresql://…}. */
    static int work(ScoutConfig loaded, String store, Path out, int maxHosts, boolean quiet)
            throws InterruptedException {
        Path outDir = out != null ? out : loaded.output().dir();
        Console console = Console.system(quiet);
        Clock clock = Clock.systemUTC();
        String machine = machine();
        String worker = machine + "-" + ProcessHandle.current().pid();
        if (maxHosts < 1) {
            throw new UsageException("--max-hosts must be at least 1 (got " + maxHosts + ")");
        }
        FleetSettings settings = FleetSettings.defaults(machine).withMaxHosts(maxHosts);
        Optional<JobResult> result = new FleetJob(clock, settings).work(loaded,
                () -> FleetStore.open(store, loaded, clock), outDir, console, worker);
        result.ifPresent(r -> RunSummaryPrinter.print(console.out(), r));
        return ExitCodes.OK;
    }

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
