package dev.scout.crawler.bench;

import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.FetchStats;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 3's crawl benchmark: 2,000 profile requests against loopback servers that allow R = 50 requests per second
 * each and answer after 20 ms, with the fetcher configured 4× too fast so that it must learn the real limit. Not a
 * test: it takes about 90 s and prints wall-time ratios, 429 counts, requests per profile and peak heap.
 * Run all scenarios with {@code java -cp <crawler classpath> dev.scout.crawler.bench.CrawlBenchmark}.
 */
public final class CrawlBenchmark {
    public static final int RATE = 50;
    public static final int REQUESTS = 2000;
    public static final long LATENCY_MILLIS = 20;
    /** The configured rate is this many times the server's real limit. */
    public static final int OVERCONFIGURED = 4;

    public static void main(String[] args) {
        CrawlBenchmark bench = new CrawlBenchmark();
        List<Scenario> scenarios = args.length == 0 ? List.of(Scenario.values())
                : java.util.Arrays.stream(args).map(a -> Scenario.valueOf(a.toUpperCase(Locale.ROOT))).toList();
        boolean allMet = true;
        for (Scenario s : scenarios) {
            allMet &= bench.run(s, System.out).meetsTarget();
        }
        System.exit(allMet ? 0 : 1);
    }

    /** Runs one scenario, prints a summary line block to {@code out} and returns the figures. */
    public BenchResult run(Scenario scenario, PrintStream out) {
        List<RateLimitedServer> servers = new ArrayList<>();
        for (int i = 0; i < scenario.hosts(); i++) {
            servers.add(new RateLimitedServer(RATE, LATENCY_MILLIS, scenario.advertised()));
        }
        FetcherSettings settings = FetcherSettings.builder()
                .allowPrivateAddresses(true)
                .requestsPerSecond(RATE * OVERCONFIGURED)
                .build();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start;
        long end;
        List<FetchOutcome> outcomes;
        FetchStats stats;
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(settings).build()) {
            start = System.nanoTime();
            List<CompletableFuture<FetchOutcome>> futures = new ArrayList<>(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                RateLimitedServer server = servers.get(i % servers.size());
                futures.add(fetcher.fetch(FetchRequest.json(server.baseUrl().resolve("/api/profiles/" + i),
                        "bench:" + i)));
            }
            outcomes = futures.stream().map(CompletableFuture::join).toList();
            end = System.nanoTime();
            stats = fetcher.stats();
        } finally {
            servers.forEach(RateLimitedServer::close);
        }
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long fetched = outcomes.stream().filter(o -> o instanceof FetchOutcome.Fetched).count();
        long overLimit = servers.stream().mapToLong(RateLimitedServer::rejected).sum();
        long idealMillis = 1000L * REQUESTS / ((long) RATE * scenario.hosts());
        BenchResult result = new BenchResult(scenario, REQUESTS, fetched, stats.totalRequests(),
                stats.totalTooManyRequests(), overLimit, (end - start) / 1_000_000, idealMillis, peakHeap);
        print(result, out);
        return result;
    }

    private static void print(BenchResult r, PrintStream out) {
        out.printf(Locale.ROOT, "%s: %d hosts at R=%d req/s, %d ms latency, configured %dx too fast%n",
                r.scenario(), r.scenario().hosts(), RATE, LATENCY_MILLIS, OVERCONFIGURED);
        out.printf(Locale.ROOT, "  wall %.2f s, ideal %.2f s, ratio %.3f (target <= %.3f)%n",
                r.wallMillis() / 1000.0, r.idealMillis() / 1000.0, r.wallRatio(), r.scenario().maxWallRatio());
        out.printf(Locale.ROOT, "  throughput %.1f req/s = %.2f R%n", r.requests() * 1000.0 / r.wallMillis(),
                r.requests() * 1000.0 / r.wallMillis() / RATE);
        out.printf(Locale.ROOT, "  fetched %d/%d, 429s %d (%.2f%%), over the limit %d, HTTP requests per profile %.3f%n",
                r.fetched(), r.requests(), r.tooManyRequests(), 100 * r.tooManyShare(), r.overLimit(),
                r.requestsPerProfile());
        out.printf(Locale.ROOT, "  peak heap %.1f MiB; target %s%n", r.peakHeapBytes() / 1048576.0,
                r.meetsTarget() ? "MET" : "MISSED");
    }
}
