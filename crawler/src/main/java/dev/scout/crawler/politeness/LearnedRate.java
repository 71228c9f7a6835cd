package dev.scout.crawler.politeness;

import java.util.OptionalLong;

/**
 * Learns a host's real rate from 429 answers when the server does not advertise its limit. On a 429 the rate that drew
 * it becomes a ceiling, and the rate drops to what the server demonstrably sustained: the successes since the last
 * 429 divided by (that time + the wait asked for), never below the previous learned rate (already shown to be safe),
 * and — when the rate had held for a while, so it was only slightly too high — not below {@value #HELD_SHARE} of it.
 * Afterwards the rate grows by {@value #GROWTH_PER_SECOND} per second, compounding, while staying below
 * {@value #CEILING_SHARE} of the lowest ceiling seen, so it settles under the real limit instead of probing it forever;
 * if the server lowers its limit, each new 429 lowers the ceiling and the rate with it. Not thread-safe: the owning
 * lane guards it.
 */
final class LearnedRate {
    static final double GROWTH_PER_SECOND = 0.10;
    static final double HELD_SHARE = 0.85;
    /** A rate that held this long before its 429 was nearly right. */
    private static final long HELD_NANOS = 2_000_000_000L;
    static final double CEILING_SHARE = 0.92;
    private static final double NANOS = 1e9;

    private double baseRate = Double.NaN;
    private double ceiling = Double.POSITIVE_INFINITY;
    private long segmentStart = Long.MIN_VALUE;
    private long successes;

    /** Called when a request of this host succeeded (any non-429 answer). */
    void onSuccess(long now) {
        if (segmentStart == Long.MIN_VALUE) {
            segmentStart = now;
        }
        successes++;
    }

    /**
     * A 429 arrived while the host was running at {@code currentRate} req/s; the server asked to wait
     * {@code waitNanos}.
     */
    void onTooManyRequests(long now, double currentRate, long waitNanos) {
        if (segmentStart != Long.MIN_VALUE && now < segmentStart) {
            // Sent before the previous 429 slowed us down (it was in flight): it says nothing about the new rate.
            return;
        }
        ceiling = Math.min(ceiling, currentRate);
        if (successes > 0 && segmentStart != Long.MIN_VALUE && now > segmentStart) {
            double sustained = successes / ((now - segmentStart + waitNanos) / NANOS);
            double floor = Double.isNaN(baseRate) ? 0 : baseRate;
            if (now - segmentStart >= HELD_NANOS + waitNanos) {
                floor = Math.max(floor, HELD_SHARE * currentRate);
            }
            baseRate = Math.min(Math.max(sustained, floor), CEILING_SHARE * ceiling);
        } else if (Double.isNaN(baseRate)) {
            // Rejected before anything succeeded: halve and let the next segment measure properly.
            baseRate = currentRate / 2;
        }
        segmentStart = now + waitNanos;
        successes = 0;
    }

    /** Minimum spacing between request starts implied by what was learned, or empty before any 429. */
    OptionalLong intervalNanos(long now) {
        if (Double.isNaN(baseRate)) {
            return OptionalLong.empty();
        }
        double elapsed = Math.max(0, (now - segmentStart) / NANOS);
        double rate = Math.min(baseRate * Math.pow(1 + GROWTH_PER_SECOND, Math.min(elapsed, 600)),
                CEILING_SHARE * ceiling);
        rate = Math.max(rate, 1e-3);
        return OptionalLong.of((long) (NANOS / rate));
    }
}
