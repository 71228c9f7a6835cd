package dev.scout.simnet.instagram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Meta's Platform Rate Limit as the simulator keeps it: calls of the app in a rolling hour against a budget, reported
 * as a whole-number percentage ({@code X-App-Usage} {@code call_count}, rounded up). Thread-safe.
 */
final class AppUsage {
    private static final Duration WINDOW = Duration.ofHours(1);

    private final int callsPerHour;
    private final Clock clock;
    private final Deque<Instant> calls = new ArrayDeque<>();
    private int highestReported;
    private long overLimit;

    AppUsage(int callsPerHour, Clock clock) {
        this.callsPerHour = callsPerHour;
        this.clock = clock;
    }

    /** Counts one call and returns the usage percentage after it; over 100 means this call was over the limit. */
    synchronized int record() {
        Instant now = clock.instant();
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(now.minus(WINDOW))) {
            calls.removeFirst();
        }
        calls.addLast(now);
        int pct = (int) Math.ceil(calls.size() * 100.0 / callsPerHour);
        if (pct > 100) {
            overLimit++;
        }
        highestReported = Math.max(highestReported, Math.min(pct, 100));
        return pct;
    }

    /** The highest percentage any response reported (capped at 100, as Meta's header is). */
    synchronized int highestReported() {
        return highestReported;
    }

    /** Calls made while the hourly budget was already spent. */
    synchronized long overLimit() {
        return overLimit;
    }
}
