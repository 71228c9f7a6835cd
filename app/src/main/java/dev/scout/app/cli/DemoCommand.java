package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.app.console.RunSummaryPrinter;
import dev.scout.app.demo.DemoConfig;
import dev.scout.app.pipeline.Console;
import dev.scout.app.pipeline.JobResult;
import dev.scout.app.pipeline.ScoutJob;
import dev.scout.config.ScoutConfig;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code scout demo}: the whole job on the built-in simulated network. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole job (discover, crawl, score, write) on the built-in simulated network on 127.0.0.1,",
                "then prints the top candidates, a run summary and precision/recall against the simulator's ground truth.",
                "Needs no internet. Starts from an empty store every time."})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out", "demo");

    @Option(names = "--size", paramLabel = "N", description = "Accounts in the simulated network, 200..60000 (default: ${DEFAULT-VALUE}).")
    int size = 1_200;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the simulated population (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; only the results.")
    boolean quiet;

    @Option(names = "--no-funnel", description = "Fetch posts, follower samples and graphs for every profile, to measure the requests the funnel saves.")
    boolean noFunnel;

    /** The simulated app's Platform Rate Limit: 200 calls per hour × 50 app users. */
    static final int INSTAGRAM_CALLS_PER_HOUR = 10_000;

    @Override
    public Integer call() throws InterruptedException {
        if (size < 200 || size > 60_000) {
            throw new UsageException("--size must be between 200 and 60000 (got " + size + ")");
        }
        Console console = Console.system(quiet);
        Path store = out.resolve("scout.db");
        deleteStore(store);
        console.info("Starting the simulated network (" + size + " accounts, seed " + seed + ") on 127.0.0.1 ...");
        try (SimulatedNetwork sim = SimulatedNetwork.start(SimConfig.builder().seed(seed).size(size)
                .instagram(INSTAGRAM_CALLS_PER_HOUR).build())) {
            ScoutConfig config = DemoConfig.build(sim, store);
            sim.mastodonInstances().forEach(i -> console.info("  Mastodon instance " + i.domain() + " at " + i.baseUrl()));
            Set<String> truth = DemoTruth.forCrawledPlatforms(sim, config);
            JobResult result = new ScoutJob(Clock.systemUTC(), !noFunnel).run(config, out, console, Optional.of(truth));
            RunSummaryPrinter.print(console.out(), result);
            DemoMistakes.write(out.resolve("demo-evaluation.txt"), result, truth);
            long over = sim.requestsOverLimit().values().stream().mapToLong(Long::longValue).sum();
            console.out().println("  requests the simulator counted over its advertised rate limit: " + over);
            sim.instagramStats().ifPresent(ig -> console.out().println(String.format(java.util.Locale.ROOT,
                    "  instagram (simulated Graph API): %d profiles looked up, %.2f requests per profile,"
                            + " highest X-App-Usage %d%% (ceiling %d%%), %d calls over the limit, %d with a token in"
                            + " the URL", ig.profilesLookedUp(), ig.requestsPerProfile(), ig.highestUsagePct(),
                    config.platforms().instagram().usageCeilingPct(), ig.overLimit(), ig.tokenInUrl())));
        }
        return ExitCodes.OK;
    }

    /** The demo always starts from an empty store so its figures are reproducible. */
    private static void deleteStore(Path store) {
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(store.resolveSibling(store.getFileName() + suffix));
            }
        } catch (IOException e) {
            throw new UsageException("cannot remove the previous demo store " + store + ": " + e.getMessage()
                    + " (delete it by hand or choose another folder with --out)", e);
        }
    }
}
