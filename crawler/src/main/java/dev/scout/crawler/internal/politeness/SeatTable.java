package dev.scout.crawler.internal.politeness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Per-host seat counts with a cap per host and the callers waiting for a seat. Decides under its lock, runs the
 * waiting callers' callbacks outside it. Thread-safe.
 */
public final class SeatTable implements HostSeats {
    private final ToIntFunction<String> capacity;
    private final Map<String, Integer> taken = new HashMap<>();
    private final Map<String, List<Runnable>> waiting = new HashMap<>();

    /** @param capacity seats of a host (its most concurrent requests), at least 1 */
    public SeatTable(ToIntFunction<String> capacity) {
        this.capacity = capacity;
    }

    /** The same number of seats on every host: for a crawl without a scheduling fetcher. */
    public static SeatTable fixed(int seatsPerHost) {
        if (seatsPerHost < 1) {
            throw new IllegalArgumentException("seats per host must be at least 1, was " + seatsPerHost);
        }
        return new SeatTable(host -> seatsPerHost);
    }

    @Override
    public boolean tryTake(String hostKey, Runnable onMayBeFree) {
        synchronized (this) {
            int n = taken.getOrDefault(hostKey, 0);
            if (n < Math.max(1, capacity.applyAsInt(hostKey))) {
                taken.put(hostKey, n + 1);
                return true;
            }
            waiting.computeIfAbsent(hostKey, k -> new ArrayList<>()).add(onMayBeFree);
            return false;
        }
    }

    @Override
    public void give(String hostKey) {
        synchronized (this) {
            int n = taken.getOrDefault(hostKey, 0);
            if (n <= 1) {
                taken.remove(hostKey);
            } else {
                taken.put(hostKey, n - 1);
            }
        }
        wakeWaiting(hostKey);
    }

    /** Runs (outside the lock) the callbacks of callers waiting for {@code hostKey}: something changed for it. */
    public void wakeWaiting(String hostKey) {
        List<Runnable> toRun;
        synchronized (this) {
            toRun = waiting.remove(hostKey);
        }
        if (toRun != null) {
            toRun.forEach(Runnable::run);
        }
    }

    /** Seats taken on {@code hostKey} now; for tests and events. */
    public synchronized int taken(String hostKey) {
        return taken.getOrDefault(hostKey, 0);
    }
}
