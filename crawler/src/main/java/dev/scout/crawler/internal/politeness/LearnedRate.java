package dev.scout.crawler.internal.politeness;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Learns a host's rate from 429 answers when the server advertises no limit: a smoothed additive-increase /
 * multiplicative-decrease controller that brackets the real rate. Each 429 gives two bounds: the rate that drew it
 * is too high (an upper bound), and the successes since the previous 429 divided by the time including the wait the
 * server asked for is what the server sustained (a lower bound). The rate becomes the geometric mean of the
 * tightest current bounds — a multiplicative decrease that is large while the bounds are far apart and small once
 * they are close — and then grows additively by {@value #GROWTH_PER_SECOND} of itself per second, so it probes
 * slowly upwards and the next 429 tightens the upper bound. A segment too short to measure (with its wait, under half
 * a second: a bare 429 with our own short backoff) gives no lower bound; before any, the first 429 halves the rate,
 * as classic AIMD does. A 429 for a request sent before the previous one
 * slowed us down says nothing about the new rate and is ignored.
 *
 * <p>A rate remembered from the host's previous owner ({@link #startFrom}) is held like a learned one — and probed
 * upwards the same way, so a remembered rate that no longer holds does not hold the host down for long — but is not
 * this pacer's evidence ({@link #measured()}) until a 429 here confirms or corrects it. Not thread-safe: the owning
 * lane guards it.
 */
final class LearnedRate {
    static final double GROWTH_PER_SECOND = 0.002;
    /** A sustained rate this much below the lower bound means the server lowered its limit: start over. */
    static final double LIMIT_DROP = 0.7;
    /** The smallest multiplicative decrease per 429. */
    static final double DECREASE = 0.95;
    private static final long MIN_SEGMENT_NANOS = 500_000_000L;
    private static final double NANOS = 1e9;

    private double lower = Double.NaN;
    private double upper = Double.POSITIVE_INFINITY;
    private double rate = Double.NaN;
    private long rateSince = Long.MIN_VALUE;
    private long segmentStart = Long.MIN_VALUE;
    private long successes;
    /** The rate comes from 429s this controller saw, not only from a remembered start. */
    private boolean measured;

    /** Called when a request of this host succeeded (any non-429 answer). */
    void onSuccess(long now) {
        if (segmentStart == Long.MIN_VALUE) {
            segmentStart = now;
        }
        successes++;
    }

    /**
     * A 429 arrived while the host was running at {@code currentRate} req/s; the server (or our backoff) asked to
     * wait {@code waitNanos}.
     */
    void onTooManyRequests(long now, double currentRate, long waitNanos) {
        if (segmentStart != Long.MIN_VALUE && now < segmentStart) {
            return; // sent before the previous 429 slowed us down (it was in flight)
        }
        // One success may have been a token left over from before the segment: not counted. A segment that with
        // its wait is shorter than MIN_SEGMENT holds too few answers to say anything.
        boolean measurable = successes > 1 && segmentStart != Long.MIN_VALUE
                && now - segmentStart + waitNanos >= MIN_SEGMENT_NANOS;
        upper = currentRate;
        if (measurable) {
            double sustained = (successes - 1) / ((now - segmentStart + waitNanos) / NANOS);
            lower = Double.isNaN(lower) || sustained < lower * LIMIT_DROP ? sustained : Math.max(lower, sustained);
        } else if (Double.isNaN(lower)) {
            lower = upper / 4; // with the cube-root mean below: half the rate, the classic first decrease
        }
        if (lower >= upper) {
            lower = upper * DECREASE;
        }
        // Never less of a cut than DECREASE: a lower bound that was too high (a short segment that began with
        // tokens in hand) must not keep the rate above the real one.
        rate = Math.min(Math.pow(lower, 2.0 / 3) * Math.pow(upper, 1.0 / 3), upper * DECREASE);
        rateSince = now + waitNanos;
        segmentStart = now + waitNanos;
        successes = 0;
        measured = true;
    }

    /**
     * Holds {@code remembered} req/s from {@code now} on, unless the rate this controller already holds is no faster
     * (its own evidence is then the more cautious). The bounds stay: the next 429 measures its own.
     */
    void startFrom(double remembered, long now) {
        double current = rate(now);
        if (!Double.isNaN(current) && current <= remembered) {
            return;
        }
        rate = remembered;
        rateSince = now;
        measured = false;
    }

    /**
     * The rate the last 429 set, before any upward probing, in requests per second; empty before any 429 (and after a
     * remembered start replaced it): only a rate measured here is evidence worth passing on.
     */
    OptionalDouble measured() {
        return measured ? OptionalDouble.of(rate) : OptionalDouble.empty();
    }

    /** The learned rate at {@code now} in requests per second, NaN before any 429. */
    double rate(long now) {
        if (Double.isNaN(rate)) {
            return Double.NaN;
        }
        double elapsed = Math.max(0, (now - rateSince) / NANOS);
        return rate * (1 + GROWTH_PER_SECOND * Math.min(elapsed, 3600));
    }

    /** Minimum spacing between request starts implied by what was learned, or empty before any 429. */
    OptionalLong intervalNanos(long now) {
        double r = rate(now);
        if (Double.isNaN(r)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((long) (NANOS / Math.max(r, 1e-3)));
    }
}
