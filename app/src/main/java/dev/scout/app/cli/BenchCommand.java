package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.crawler.bench.BenchResult;
import dev.scout.crawler.bench.CrawlBenchmark;
import dev.scout.crawler.bench.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code scout bench}: the benchmarks that are whole scenarios rather than JMH micro-benchmarks. Each talks only to
 * servers it starts on 127.0.0.1. Results go in BENCHMARKS.md with the machine and date.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark: 'crawl' (pacing against a rate-limited local server: advertised limit,",
                "429-only, four hosts; about 2 minutes) or 'store' (100,000 profiles through the SQLite store;",
                "run it with SCOUT_JAVA_OPTS=-Xmx256m to check memory). Exit code 1 when a target is missed."})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "crawl or store")
    String what;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG",
            description = "crawl: scenarios (ADVERTISED_LIMIT, RETRY_AFTER_ONLY, FOUR_HOSTS; default all). store: [profiles] [workers] [file].")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        switch (what.toLowerCase(Locale.ROOT)) {
            case "crawl":
                return crawl(out);
            case "store":
                dev.scout.store.bench.StoreBenchmark.main(args.toArray(String[]::new));
                return ExitCodes.OK;
            default:
                throw new UsageException("unknown benchmark '" + what + "' (expected crawl or store)");
        }
    }

    private int crawl(PrintStream out) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String a : args) {
            try {
                scenarios.add(Scenario.valueOf(a.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown crawl scenario '" + a + "' (expected ADVERTISED_LIMIT, RETRY_AFTER_ONLY or FOUR_HOSTS)");
            }
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of(Scenario.values()));
        }
        boolean allMet = true;
        CrawlBenchmark bench = new CrawlBenchmark();
        for (Scenario s : scenarios) {
            BenchResult r = bench.run(s, out);
            allMet &= r.meetsTarget();
        }
        out.println(allMet ? "every target met" : "a target was missed");
        return allMet ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
