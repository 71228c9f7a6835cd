package dev.scout.crawler.politeness;

import java.util.OptionalLong;

/**
 * Learns a host's real rate from 429 answers when the server does not advertise its limit. On each 429 the rate
 * drops to the throughput actually achieved since the previous 429 (successes / (time + the wait asked for)), and the
 * rate that drew the 429 becomes a ceiling; afterwards the rate grows by {@value #GROWTH_PER_SECOND} per second but
 * stays below {@value #CEILING_SHARE} of the lowest ceiling seen. Not thread-safe: the owning lane guards it.
 */
final class LearnedRate {
    static final double GROWTH_PER_SECOND = 0.02;
    static final double CEILING_SHARE = 0.97;
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
        ceiling = Math.min(ceiling, currentRate);
        if (successes > 0 && segmentStart != Long.MIN_VALUE) {
            double seconds = Math.max(1e-3, (now - segmentStart + waitNanos) / NANOS);
            baseRate = Math.min(successes / seconds, CEILING_SHARE * ceiling);
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
        double rate = Math.min(baseRate * (1 + GROWTH_PER_SECOND * elapsed), CEILING_SHARE * ceiling);
        rate = Math.max(rate, 1e-3);
        return OptionalLong.of((long) (NANOS / rate));
    }
}
