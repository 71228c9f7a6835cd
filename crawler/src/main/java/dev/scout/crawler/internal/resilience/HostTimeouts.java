package dev.scout.crawler.internal.resilience;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-host give-up after repeated timeouts: a host whose last {@link #DEFAULT_LIMIT} attempts in a row timed out
 * (no answer in between) is "too slow" for the rest of the fetcher's life (one run), so a slow-drip server cannot
 * keep the run going for minutes with every request it still has queued. The requests for it then end at once as
 * transient failures, which the crawl engine hands to a later run. Thread-safe.
 */
public final class HostTimeouts {
    /** Timed-out attempts in a row after which a host is given up for the run. */
    public static final int DEFAULT_LIMIT = 3;

    private final int limit;
    private final Map<String, Integer> streaks = new ConcurrentHashMap<>();
    private final Set<String> tooSlow = ConcurrentHashMap.newKeySet();

    public HostTimeouts(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("host timeout limit must be >= 1 (got " + limit + ")");
        }
        this.limit = limit;
    }

    /** An attempt on {@code hostKey} timed out; true when this makes the host too slow. */
    public boolean timedOut(String hostKey) {
        int streak = streaks.merge(hostKey, 1, Integer::sum);
        return streak >= limit && tooSlow.add(hostKey);
    }

    /** The host answered (any status): its timeout streak ends. A host already given up stays given up. */
    public void answered(String hostKey) {
        streaks.remove(hostKey);
    }

    /** True when the host was given up in this run. */
    public boolean tooSlow(String hostKey) {
        return tooSlow.contains(hostKey);
    }

    /** How many timeouts in a row give a host up. */
    public int limit() {
        return limit;
    }
}
