package dev.scout.crawler.internal.metrics;

import dev.scout.crawler.http.FetchStats;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Per-host counters, updated lock-free from any thread; {@link #snapshot()} copies them into {@link FetchStats}. */
public final class FetchStatsRecorder {
    private final Map<String, HostCounters> hosts = new ConcurrentHashMap<>();

    private static final class HostCounters {
        final LongAdder requests = new LongAdder();
        final Map<String, LongAdder> byClass = new ConcurrentHashMap<>();
        final LongAdder tooManyRequests = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder waitNanos = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final Map<String, LongAdder> transitions = new ConcurrentHashMap<>();
    }

    public void request(String host) {
        host(host).requests.increment();
    }

    /**
     * Takes back a {@link #request} that never reached the host: counted when it was handed to the HTTP client,
     * then stopped before the write (its send grant lapsed, or its address was refused).
     */
    public void notSent(String host) {
        host(host).requests.decrement();
    }

    /** A response with {@code status}; counted by class ("2xx"…), 429s also separately. */
    public void response(String host, int status) {
        HostCounters c = host(host);
        c.byClass.computeIfAbsent((status / 100) + "xx", k -> new LongAdder()).increment();
        if (status == 429) {
            c.tooManyRequests.increment();
        }
    }

    public void retry(String host) {
        host(host).retries.increment();
    }

    public void bytes(String host, long n) {
        host(host).bytes.add(n);
    }

    /** Time a request spent waiting on pacing, quotas, Retry-After or backoff. */
    public void waited(String host, long nanos) {
        if (nanos > 0) {
            host(host).waitNanos.add(nanos);
        }
    }

    /** A final outcome, by its type's simple name. */
    public void outcome(String host, String outcome) {
        host(host).outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /** A circuit breaker state change such as {@code CLOSED_TO_OPEN}. */
    public void circuitTransition(String host, String transition) {
        host(host).transitions.computeIfAbsent(transition, k -> new LongAdder()).increment();
    }

    /** A copy of the counters so far, hosts sorted by key. */
    public FetchStats snapshot() {
        Map<String, FetchStats.HostStats> out = new TreeMap<>();
        hosts.forEach((host, c) -> out.put(host, new FetchStats.HostStats(
                c.requests.sum(), sums(c.byClass), c.tooManyRequests.sum(), c.retries.sum(), c.bytes.sum(),
                c.waitNanos.sum() / 1_000_000, sums(c.outcomes), sums(c.transitions))));
        return new FetchStats(out);
    }

    private HostCounters host(String host) {
        return hosts.computeIfAbsent(host, k -> new HostCounters());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
