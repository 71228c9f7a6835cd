package dev.scout.app.cli;

import dev.scout.app.demo.SimulatedWorld;
import dev.scout.app.pipeline.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scout demo}: the whole job on the built-in simulated network, reached through {@link SimulatedWorld}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole job (discover, crawl, score, write) on the built-in simulated network on 127.0.0.1,",
                "then prints the top candidates, a run summary and, after the job, precision/recall against the",
                "simulator's ground truth (every miss explained in demo-evaluation.txt).",
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

    @Override
    public Integer call() throws InterruptedException {
        return SimulatedWorld.find().demo(new SimulatedWorld.DemoOptions(out, size, seed, !noFunnel),
                Console.system(quiet));
    }
}
