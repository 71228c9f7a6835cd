package dev.scout.crawler.bench;

import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.FetchStats;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Issue 14's crawl benchmark: N profile requests through the real fetcher against a loopback {@link DialectServer}
 * that allows R requests per second (token bucket with a burst of 10, or the window and usage dialects) and answers
 * after 20 ms, with the fetcher configured 4× too fast. Wall-clock, not a test: about (N − 10) / R seconds per run.
 * What it shows is consistency with the server's rules on loopback, not behaviour on the internet.
 */
public final class DialectBenchmark {
    public static final int REQUESTS = 1000;
    public static final long LATENCY_MILLIS = 20;
    public static final int OVERCONFIGURED = 4;

    private boolean warm;

    /**
     * Sends a few requests through a fetcher to an unlimited loopback server once per JVM, so that class loading
     * and JIT of the HTTP stack (seconds on a loaded 2-core machine) are not counted in the first dialect's span.
     */
    private void warmUp() {
        if (warm) {
            return;
        }
        warm = true;
        FetcherSettings settings = FetcherSettings.builder().allowPrivateAddresses(true).requestsPerSecond(200)
                .build();
        try (DialectServer server = new DialectServer(Dialect.FIXED_WINDOW, 1000, LATENCY_MILLIS);
             OkHttpFetcher fetcher = OkHttpFetcher.builder(settings).build()) {
            List<CompletableFuture<FetchOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                futures.add(fetcher.fetch(FetchRequest.json(server.baseUrl().resolve("/warm/" + i), "warm:" + i)));
            }
            futures.forEach(CompletableFuture::join);
        }
    }

    /** Runs one dialect at one rate, prints a summary block to {@code out} and returns the figures. */
    public DialectResult run(Dialect dialect, int rate, int requests, PrintStream out) {
        warmUp();
        FetcherSettings settings = FetcherSettings.builder()
                .allowPrivateAddresses(true)
                .requestsPerSecond((double) rate * OVERCONFIGURED)
                .usageWindow(Duration.ofSeconds(LimitRule.WINDOW_SECONDS))
                .build();
        long start;
        long end;
        List<FetchOutcome> outcomes;
        FetchStats stats;
        List<Long> arrivals;
        try (DialectServer server = new DialectServer(dialect, rate, LATENCY_MILLIS);
             OkHttpFetcher fetcher = OkHttpFetcher.builder(settings).build()) {
            start = System.nanoTime();
            List<CompletableFuture<FetchOutcome>> futures = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                futures.add(fetcher.fetch(FetchRequest.json(server.baseUrl().resolve("/api/profiles/" + i),
                        "bench:" + i)));
            }
            outcomes = futures.stream().map(CompletableFuture::join).toList();
            end = System.nanoTime();
            stats = fetcher.stats();
            arrivals = server.arrivals();
        }
        long fetched = outcomes.stream().filter(o -> o instanceof FetchOutcome.Fetched).count();
        Map<Long, Integer> perSecond = new TreeMap<>();
        long first = arrivals.isEmpty() ? 0 : arrivals.get(0);
        arrivals.forEach(a -> perSecond.merge((a - first) / 1_000_000_000L, 1, Integer::sum));
        int max = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int maxAfterFirst = perSecond.entrySet().stream().filter(e -> e.getKey() > 0)
                .mapToInt(Map.Entry::getValue).max().orElse(0);
        DialectResult r = new DialectResult(dialect, rate, requests, fetched, stats.totalRequests(),
                stats.totalTooManyRequests(), (end - start) / 1_000_000, max, maxAfterFirst);
        print(r, out);
        return r;
    }

    static void print(DialectResult r, PrintStream out) {
        out.printf(Locale.ROOT, "%s at R=%d: N=%d, burst %d, %d ms latency, configured %dx too fast%n",
                r.dialect(), r.rate(), r.requests(), LimitRule.BURST, LATENCY_MILLIS, OVERCONFIGURED);
        out.printf(Locale.ROOT, "  span %.2f s, (N - burst)/R %.2f s, ratio %.3f (target <= %.2f)%n",
                r.spanMillis() / 1000.0, r.idealMillis() / 1000.0, r.spanRatio(), r.maxSpanRatio());
        out.printf(Locale.ROOT, "  fetched %d/%d, HTTP requests %d, 429s %d (%.2f%%), over an advertised limit %d%n",
                r.fetched(), r.requests(), r.httpRequests(), r.tooManyRequests(), 100 * r.tooManyShare(),
                r.overAdvertisedLimit());
        out.printf(Locale.ROOT, "  most requests in one second %d (%d after the first; R + burst = %d); target %s%n",
                r.maxPerSecond(), r.maxPerSecondAfterFirst(), r.rate() + LimitRule.BURST,
                r.meetsTarget() ? "MET" : "MISSED");
    }
}
