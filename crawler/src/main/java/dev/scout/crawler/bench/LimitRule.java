package dev.scout.crawler.bench;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limit a benchmark server enforces and the headers it announces, in one of the {@link Dialect}s. Pure logic on
 * times passed in, so the HTTP server and a unit-test simulation share it. Thread-safe (synchronized).
 */
public final class LimitRule {
    /** Burst of every token bucket dialect. */
    public static final int BURST = 10;
    /** Length of the fixed and rolling windows, in seconds (the real ones are 5 minutes and an hour). */
    public static final int WINDOW_SECONDS = 30;
    /** The usage share that corresponds to R in {@link Dialect#USAGE_PERCENT}. */
    public static final double USAGE_CEILING = 0.8;
    private static final long NANOS = 1_000_000_000L;

    private final Dialect dialect;
    private final int rate;
    private double tokens = BURST;
    private long refilledAt = Long.MIN_VALUE;
    private long windowIndex = Long.MIN_VALUE;
    private long windowCount;
    private final ArrayDeque<Long> rolling = new ArrayDeque<>();

    /** What the server does with one request. */
    public record Decision(boolean allowed, Map<String, String> headers) {
    }

    public LimitRule(Dialect dialect, int rate) {
        this.dialect = dialect;
        this.rate = rate;
    }

    /**
     * @param nanos a monotonic time of the request
     * @param wall  the wall clock at the same moment (fixed windows align to it, headers name it)
     */
    public synchronized Decision decide(long nanos, Instant wall) {
        return switch (dialect) {
            case FIXED_WINDOW -> fixedWindow(wall);
            case USAGE_PERCENT -> usage(nanos);
            default -> bucket(nanos);
        };
    }

    private Decision bucket(long nanos) {
        if (refilledAt != Long.MIN_VALUE) {
            tokens = Math.min(BURST, tokens + rate * (double) (nanos - refilledAt) / NANOS);
        }
        refilledAt = nanos;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        Map<String, String> h = new LinkedHashMap<>();
        long remaining = (long) Math.floor(tokens);
        long toFull = (long) Math.ceil((BURST - tokens) / rate);
        switch (dialect) {
            case RESET_TO_FULL -> {
                h.put("X-RateLimit-Limit", String.valueOf(BURST));
                h.put("X-RateLimit-Remaining", String.valueOf(remaining));
                h.put("X-RateLimit-Reset", String.valueOf(toFull));
            }
            case IETF_DRAFT -> {
                h.put("RateLimit-Policy", "\"default\";q=" + (10 * rate) + ";w=10");
                h.put("RateLimit", "\"default\";r=" + remaining + ";t=" + toFull);
            }
            case RETRY_AFTER_ONLY -> {
                if (!allowed) {
                    h.put("Retry-After", String.valueOf(Math.max(1, (long) Math.ceil((1 - tokens) / rate))));
                }
            }
            default -> {
                // PURE_429: nothing at all
            }
        }
        return new Decision(allowed, h);
    }

    private Decision fixedWindow(Instant wall) {
        long windowMillis = WINDOW_SECONDS * 1000L;
        long index = wall.toEpochMilli() / windowMillis;
        if (index != windowIndex) {
            windowIndex = index;
            windowCount = 0;
        }
        long limit = (long) WINDOW_SECONDS * rate;
        windowCount++;
        boolean allowed = windowCount <= limit;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("RateLimit-Limit", String.valueOf(limit));
        h.put("RateLimit-Remaining", String.valueOf(Math.max(0, limit - windowCount)));
        h.put("RateLimit-Reset", String.valueOf((index + 1) * windowMillis / 1000));
        h.put("RateLimit-Policy", limit + ";w=" + WINDOW_SECONDS);
        if (!allowed) {
            windowCount--; // a rejected request is not counted against the window
        }
        return new Decision(allowed, h);
    }

    private Decision usage(long nanos) {
        long window = WINDOW_SECONDS * NANOS;
        while (!rolling.isEmpty() && rolling.peekFirst() <= nanos - window) {
            rolling.pollFirst();
        }
        double quota = rate * WINDOW_SECONDS / USAGE_CEILING;
        boolean allowed = rolling.size() < quota;
        if (allowed) {
            rolling.addLast(nanos);
        }
        int percent = (int) Math.floor(100.0 * rolling.size() / quota);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-App-Usage", "{\"call_count\":" + percent + ",\"total_time\":" + percent / 2
                + ",\"total_cputime\":" + percent / 3 + "}");
        return new Decision(allowed, h);
    }
}
