package dev.scout.demo;

import dev.scout.app.UsageException;
import dev.scout.app.console.RunSummaryPrinter;
import dev.scout.app.demo.SimulatedWorld;
import dev.scout.app.pipeline.Console;
import dev.scout.app.pipeline.JobResult;
import dev.scout.app.pipeline.ScoutJob;
import dev.scout.config.ScoutConfig;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code scout demo}: starts the simulated network, runs the product's job on it exactly as {@code scout run} would,
 * then evaluates the stored verdicts against the simulator's ground truth. Stateless.
 */
final class DemoRun {
    static final int MIN_SIZE = 200;
    static final int MAX_SIZE = 60_000;
    /** The simulated app's Platform Rate Limit: 200 calls per hour × 50 app users. */
    static final int INSTAGRAM_CALLS_PER_HOUR = 10_000;

    private DemoRun() {
    }

    static int run(SimulatedWorld.DemoOptions o, Console console) throws InterruptedException {
        if (o.size() < MIN_SIZE || o.size() > MAX_SIZE) {
            throw new UsageException("--size must be between " + MIN_SIZE + " and " + MAX_SIZE + " (got " + o.size() + ")");
        }
        Path store = o.out().resolve("scout.db");
        deleteStore(store);
        console.info("Starting the simulated network (" + o.size() + " accounts, seed " + o.seed() + ") on 127.0.0.1 ...");
        try (SimulatedNetwork sim = SimulatedNetwork.start(SimConfig.builder().seed(o.seed()).size(o.size())
                .instagram(INSTAGRAM_CALLS_PER_HOUR).build())) {
            ScoutConfig config = DemoConfig.build(sim, store);
            sim.mastodonInstances().forEach(i -> console.info("  Mastodon instance " + i.domain() + " at " + i.baseUrl()));
            JobResult result = new ScoutJob(Clock.systemUTC(), o.funnel()).run(config, o.out(), console);
            RunSummaryPrinter.print(console.out(), result);
            // The job is over and knows nothing of the truth; the evaluation reads its stored verdicts back.
            DemoEvaluation evaluation = DemoEvaluation.of(store, result.runId(),
                    DemoTruth.forCrawledPlatforms(sim, config), sim.population(),
                    config.scoring().authenticity().minAudienceRealPct());
            evaluation.print(console.out());
            evaluation.write(o.out().resolve("demo-evaluation.txt"));
            long over = sim.requestsOverLimit().values().stream().mapToLong(Long::longValue).sum();
            console.out().println("  requests the simulator counted over its advertised rate limit: " + over);
            sim.instagramStats().ifPresent(ig -> console.out().println(String.format(java.util.Locale.ROOT,
                    "  instagram (simulated Graph API): %d profiles looked up, %.2f requests per profile,"
                            + " highest X-App-Usage %d%% (ceiling %d%%), %d calls over the limit, %d with a token in"
                            + " the URL", ig.profilesLookedUp(), ig.requestsPerProfile(), ig.highestUsagePct(),
                    config.platforms().instagram().usageCeilingPct(), ig.overLimit(), ig.tokenInUrl())));
        }
        console.out().println();
        console.out().println(serveHint(store));
        return 0;
    }

    /** The last line of the demo: the command that opens its results in the review app. */
    static String serveHint(Path store) {
        String path = store.toString();
        boolean plain = path.chars().allMatch(c -> Character.isLetterOrDigit(c) || "/._-".indexOf(c) >= 0);
        return "Review these candidates in your browser: ./scout serve --store " + (plain ? path : "'" + path.replace("'", "'\\''") + "'");
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
