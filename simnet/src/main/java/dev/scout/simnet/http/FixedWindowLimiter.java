package dev.scout.simnet.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window request counting per client, as Rack::Attack does for Mastodon: windows are aligned to multiples of
 * the period since the epoch, and every request in a window counts, including rejected ones. Thread-safe.
 */
public final class FixedWindowLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, long[]> counters = new HashMap<>();
    private final AtomicLong overLimit = new AtomicLong();

    /**
     * @param limit  requests allowed per window per client, at least 1
     * @param window window length, at least one millisecond
     * @param clock  time source (inject a fake clock in tests)
     */
    public FixedWindowLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be >= 1 request per window (got " + limit + ")");
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("rate-limit window must be >= 1 ms (got " + window + ")");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request from {@code client} and says whether it is within the budget. */
    public RateDecision acquire(String client) {
        Instant now = clock.instant();
        long period = window.toMillis();
        long start = Math.floorDiv(now.toEpochMilli(), period) * period;
        int used;
        synchronized (counters) {
            long[] c = counters.computeIfAbsent(client, k -> new long[] {start, 0});
            if (c[0] != start) {
                c[0] = start;
                c[1] = 0;
            }
            used = (int) Math.min(Integer.MAX_VALUE, ++c[1]);
        }
        boolean allowed = used <= limit;
        if (!allowed) {
            overLimit.incrementAndGet();
        }
        Instant reset = Instant.ofEpochMilli(start + period);
        return new RateDecision(allowed, limit, Math.max(0, limit - used), reset, Duration.between(now, reset), window);
    }

    /** Requests received after the budget of their window was already used up. */
    public long overLimit() {
        return overLimit.get();
    }

    public int limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }
}
