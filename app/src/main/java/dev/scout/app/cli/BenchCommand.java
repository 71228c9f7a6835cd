package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.crawler.bench.BenchResult;
import dev.scout.crawler.bench.CrawlBenchmark;
import dev.scout.crawler.bench.Dialect;
import dev.scout.crawler.bench.DialectBenchmark;
import dev.scout.crawler.bench.DialectResult;
import dev.scout.crawler.bench.Scenario;
import dev.scout.app.bench.ClassifierBenchmark;
import dev.scout.app.demo.SimulatedWorld;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        description = {"Runs a benchmark and prints its figures. Exit code 1 when a target is missed or the crawl failed.",
                "",
                "crawl: pacing against rate-limited local servers: issue 14's dialects (RESET_TO_FULL, IETF_DRAFT,"
                        + " FIXED_WINDOW, USAGE_PERCENT, RETRY_AFTER_ONLY, PURE_429) at --rates 10,20 with --requests"
                        + " 1000, about 15 minutes; and issue 3's scenarios (ADVERTISED_LIMIT, RETRY_AFTER_ONLY_50,"
                        + " FOUR_HOSTS), about 2 minutes. Name some to run only those.",
                "store: 100,000 profiles through the SQLite store; run it with SCOUT_JAVA_OPTS=-Xmx256m to check memory.",
                "scale: the simulated network in its own JVM, every account in the frontier, 'scout run' in a child JVM"
                        + " with --heap, heap after full GC sampled at every tenth of the crawl; default 10,000 profiles,"
                        + " about 2 minutes; --profiles 100000 is the issue-6 run, about 6 minutes on 2 cores.",
                "serve: a generated store of --profiles verdicts (default 100,000; written once into --dir, then reused),"
                        + " 'scout serve' on it in a child JVM with --heap, --warmup then --requests candidate-list"
                        + " requests over a mix of filters, sorts and pages, one at a time; p95 target 200 ms; heap"
                        + " after full GC. Generating 100,000 takes a few minutes, the timing about a minute.",
                "fleet: " + FleetArguments.HOSTS + " simulated hosts, each advertising a rate limit (--host-rate, default "
                        + FleetArguments.DEFAULT_HOST_RATE + "), crawled by --workers real 'scout worker' JVMs (default"
                        + " 1,2,4; each leasing at most --max-hosts hosts, default " + FleetArguments.DEFAULT_MAX_HOSTS
                        + ", so the hosts' limits bind) on one PostgreSQL (--store postgresql://..., a role that may"
                        + " create databases; default: a throwaway local server from the installed binaries), a fresh"
                        + " database each; --profiles (default " + FleetArguments.DEFAULT_PROFILES + ") spread over the"
                        + " hosts; --kill-one also runs the largest count with one worker killed mid-crawl. Targets:"
                        + " 4 workers >= 3.5x the profiles/s of 1, 0 over limit, 0 lost, 0 stored twice. A few minutes.",
                "classifier: the account classifier on labelled real accounts converted by scripts/datasets/convert.py"
                        + " (--data DIR): 5-fold CV and held-out MCC per set and per platform against the two-rule"
                        + " baseline; --fit prints refitted constants for ClassifierModels.SHIPPED (pooled, per platform). Seconds.",
                ""})
public final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WHAT", description = "crawl, store, scale, serve, fleet or classifier")
    String what;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG",
            description = "crawl: dialects and/or issue-3 scenarios (default all). store: [profiles] [workers] [file].")
    List<String> args = new ArrayList<>();

    @Option(names = "--rates", paramLabel = "R,R", split = ",",
            description = "crawl: server rates R in requests/second for the dialects (default: 10,20).")
    List<Integer> rates = new ArrayList<>(List.of(10, 20));

    @Option(names = "--profiles", paramLabel = "N", description = "scale: simulated accounts, all in the frontier (default: 10000); serve: generated profiles in the store (default: 100000); fleet: profiles in the frontier (default: " + FleetArguments.DEFAULT_PROFILES + ").")
    Integer profiles;

    @Option(names = "--heap", paramLabel = "SIZE", description = "scale, serve: -Xmx of the Scout JVM; fleet: of each worker JVM (default: ${DEFAULT-VALUE}).")
    String heap = "256m";

    @Option(names = "--dir", paramLabel = "DIR", description = "scale, serve, fleet: working folder for the store, config, GC log, histograms and outputs (default: a new temporary folder).")
    Path dir;

    @Option(names = "--requests", paramLabel = "N", description = "crawl: profile requests per dialect run (default: "
            + DialectBenchmark.REQUESTS + "); serve: timed candidate-list requests (default: 500).")
    Integer requests;

    @Option(names = "--warmup", paramLabel = "N", description = "serve: untimed requests first (default: ${DEFAULT-VALUE}).")
    int warmup = 100;

    @Option(names = "--workers", paramLabel = "N,N", split = ",",
            description = "fleet: worker counts to measure, in order (default: 1,2,4).")
    List<Integer> workers = new ArrayList<>(List.of(1, 2, 4));

    @Option(names = "--max-hosts", paramLabel = "N", description = "fleet: hosts each worker leases at a time (default: "
            + FleetArguments.DEFAULT_MAX_HOSTS + ").")
    int maxHosts = FleetArguments.DEFAULT_MAX_HOSTS;

    @Option(names = "--store", paramLabel = "URL", description = "fleet, scale: the PostgreSQL server, postgresql://user@host:port/database"
            + " (a role that may create databases; password in the URL or PGPASSWORD); default: a throwaway local server.")
    String store;

    @Option(names = "--postgres", description = "scale: crawl into PostgreSQL (the server of --store, or a throwaway"
            + " local one), 'scout run' joining it as a fleet worker, instead of a SQLite file.")
    boolean postgres;

    @Option(names = "--host-rate", paramLabel = "LIMIT/SECONDS", description = "fleet: the budget each simulated host"
            + " advertises (default: " + FleetArguments.DEFAULT_HOST_RATE + ").")
    String hostRate = FleetArguments.DEFAULT_HOST_RATE;

    @Option(names = "--kill-one", description = "fleet: also run the largest worker count with one worker killed (SIGKILL) mid-crawl.")
    boolean killOne;

    @Option(names = "--data", paramLabel = "DIR", description = "classifier: folder of NAME.jsonl + NAME.labels.tsv pairs (docs/DATASETS.md).")
    Path data;

    @Option(names = "--fit", description = "classifier: also refit the model on every training part and print its constants.")
    boolean fit;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        switch (what.toLowerCase(Locale.ROOT)) {
            case "crawl":
                return crawl(out);
            case "store":
                dev.scout.store.bench.StoreBenchmark.main(args.toArray(String[]::new));
                return ExitCodes.OK;
            case "scale":
                return scale(out);
            case "serve":
                return serve(out);
            case "fleet":
                return fleet(out);
            case "classifier":
                return classifier(out);
            default:
                throw new UsageException("unknown benchmark '" + what + "' (expected crawl, store, scale, serve, fleet or classifier)");
        }
    }

    private int classifier(PrintStream out) throws java.io.IOException {
        if (data == null || !Files.isDirectory(data)) {
            throw new UsageException("classifier needs --data DIR, a folder of converted labelled sets (got "
                    + data + "); see docs/DATASETS.md");
        }
        var rows = ClassifierBenchmark.load(data);
        ClassifierBenchmark.Result r = new ClassifierBenchmark().run(rows);
        out.println("MCC of the account classifier (CV: " + ClassifierBenchmark.FOLDS + "-fold over the pooled training"
                + " parts, the per-platform and pooled models refitted per fold; held-out: the shipped models) and of the"
                + " two-rule baseline");
        out.print(r.table());
        if (fit) {
            out.println();
            out.println("refitted on every training part:");
            out.print(ClassifierBenchmark.constants(r.refit()));
        }
        out.println(r.targetMet() ? "target met: every held-out set at MCC >= " + ClassifierBenchmark.TARGET_MCC
                + " and at or above the baseline"
                : "target missed: a held-out set is below MCC " + ClassifierBenchmark.TARGET_MCC + " or the baseline");
        return r.targetMet() ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }

    /** The scale benchmark needs the simulator, so it lives with the demo and is reached through {@link SimulatedWorld}. */
    private int scale(PrintStream out) throws InterruptedException, java.io.IOException {
        checkHeap();
        SimulatedWorld world = SimulatedWorld.find();
        Path work = dir != null ? dir : Files.createTempDirectory("scout-scale-");
        return world.scale(new SimulatedWorld.ScaleOptions(profiles != null ? profiles : 10_000, heap, work,
                postgres || store != null, java.util.Optional.ofNullable(store).filter(s -> !s.isBlank())), out);
    }

    /** The serve benchmark starts 'scout serve' in a child JVM; it lives with the scale benchmark's tooling. */
    private int serve(PrintStream out) throws InterruptedException, java.io.IOException {
        checkHeap();
        SimulatedWorld world = SimulatedWorld.find();
        Path work = dir != null ? dir : Files.createTempDirectory("scout-serve-bench-");
        return world.serve(new SimulatedWorld.ServeOptions(profiles != null ? profiles : 100_000, heap, work,
                requests != null ? requests : 500, warmup), out);
    }

    /** The fleet benchmark starts 'scout worker' JVMs on the simulator, so it lives with the demo too. */
    private int fleet(PrintStream out) throws InterruptedException, java.io.IOException {
        checkHeap();
        FleetArguments.Checked checked = FleetArguments.check(workers, maxHosts, profiles, hostRate, store);
        SimulatedWorld world = SimulatedWorld.find();
        Path work = dir != null ? dir : Files.createTempDirectory("scout-fleet-bench-");
        return world.fleet(checked.options(heap, work, killOne), out);
    }

    private void checkHeap() {
        if (!heap.matches("[0-9]+[kmgKMG]?")) {
            throw new UsageException("--heap must be a JVM heap size such as 256m or 1g (got '" + heap + "')");
        }
    }

    private int crawl(PrintStream out) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Dialect> dialects = new ArrayList<>();
        for (String a : args) {
            String name = a.toUpperCase(Locale.ROOT);
            if (name.equals("RETRY_AFTER_ONLY_50")) {
                scenarios.add(Scenario.RETRY_AFTER_ONLY);
            } else if (name.equals("ADVERTISED_LIMIT") || name.equals("FOUR_HOSTS")) {
                scenarios.add(Scenario.valueOf(name));
            } else {
                try {
                    dialects.add(Dialect.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new UsageException("unknown crawl scenario '" + a + "' (expected one of "
                            + java.util.Arrays.toString(Dialect.values())
                            + " or ADVERTISED_LIMIT, RETRY_AFTER_ONLY_50, FOUR_HOSTS)");
                }
            }
        }
        if (scenarios.isEmpty() && dialects.isEmpty()) {
            dialects.addAll(List.of(Dialect.values()));
            scenarios.addAll(List.of(Scenario.values()));
        }
        int requests = this.requests != null ? this.requests : DialectBenchmark.REQUESTS;
        if (requests < 2 * dev.scout.crawler.bench.LimitRule.BURST) {
            throw new UsageException("--requests must be at least " + 2 * dev.scout.crawler.bench.LimitRule.BURST
                    + " (got " + requests + ")");
        }
        if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1 || r > 1000)) {
            throw new UsageException("--rates must be whole numbers between 1 and 1000 (got " + rates + ")");
        }
        boolean allMet = true;
        DialectBenchmark dialectBench = new DialectBenchmark();
        for (Dialect d : dialects) {
            for (int rate : rates) {
                DialectResult r = dialectBench.run(d, rate, requests, out);
                allMet &= r.meetsTarget();
            }
        }
        CrawlBenchmark bench = new CrawlBenchmark();
        for (Scenario s : scenarios) {
            BenchResult r = bench.run(s, out);
            allMet &= r.meetsTarget();
        }
        out.println(allMet ? "every target met" : "a target was missed");
        return allMet ? ExitCodes.OK : ExitCodes.RUN_FAILED;
    }
}
