package dev.scout.crawler.internal.politeness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacer reading limits as a rate and a burst, on a fake nano clock (no waiting). */
class RateAndBurstTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    /** A server-side token bucket that reports Reset as whole seconds until it is full. */
    private static final class Bucket {
        final double rate;
        final int burst;
        double tokens;
        long at;

        Bucket(double rate, int burst) {
            this.rate = rate;
            this.burst = burst;
            this.tokens = burst;
        }

        /** Takes a token at {@code now}; returns the quota the answer reports, or empty for a 429. */
        Optional<ServerQuota> take(long now) {
            tokens = Math.min(burst, tokens + rate * (now - at) / 1e9);
            at = now;
            if (tokens < 1) {
                return Optional.empty();
            }
            tokens -= 1;
            long toFull = (long) Math.ceil((burst - tokens) / rate);
            return Optional.of(new ServerQuota(burst, (long) Math.floor(tokens), Duration.ofSeconds(toFull),
                    Optional.empty(), ServerQuota.Format.X_RATELIMIT));
        }
    }

    /** Drives one request at a time (answer after 20 ms) for {@code seconds}; returns requests served. */
    private static int drive(HostPacer pacer, Bucket bucket, long seconds, int[] tooMany) {
        long t = 0;
        int served = 0;
        while (t < seconds * S) {
            t = Math.max(t, pacer.earliestStart(t));
            pacer.onStart(t);
            Optional<ServerQuota> q = bucket.take(t + 10 * MS);
            t += 20 * MS;
            if (q.isPresent()) {
                pacer.onQuota(q.get(), t, 0);
                pacer.onAnswer(t);
                served++;
            } else {
                tooMany[0]++;
                pacer.onTooManyRequests(t, S);
            }
        }
        return served;
    }

    @Test
    void keepsSpendingAtTheBucketRateInsteadOfDrainingAndSleepingToReset() {
        // R = 20/s, burst 10, Reset rounded up to 1 s: draining then waiting for Reset gives about 9/s.
        HostPacer pacer = new HostPacer(80);
        int[] tooMany = {0};

        int served = drive(pacer, new Bucket(20, 10), 30, tooMany);

        assertThat(tooMany[0]).isZero();
        // Ideal: the burst plus 20/s for 30 s.
        assertThat(served).isGreaterThanOrEqualTo((int) (0.97 * (10 + 20 * 30)));
        assertThat(pacer.quotaRefillsContinuously()).isTrue();
        assertThat(pacer.sustainedRate(30 * S)).isBetween(19.0, 20.0);
    }

    @Test
    void neverSendsOverAnAdvertisedBucketEvenWhenItsRateIsBelowTheResetBound() {
        HostPacer pacer = new HostPacer(200);
        int[] tooMany = {0};

        drive(pacer, new Bucket(3, 10), 20, tooMany);

        assertThat(tooMany[0]).isZero();
    }

    @Test
    void spreadsAWindowLimitInsteadOfBurstingIt() {
        // 300 requests per 5 minutes, stated by the policy: one request per second, not 300 at once.
        HostPacer pacer = new HostPacer(50);
        pacer.onStart(0);
        pacer.onQuota(new ServerQuota(300, 299, Duration.ofSeconds(280), Optional.of(Duration.ofMinutes(5)),
                ServerQuota.Format.RATELIMIT), 20 * MS, 0);

        long next = pacer.earliestStart(20 * MS);

        assertThat(next).isBetween(S - MS, S + MS);
        assertThat(pacer.quotaRefillsContinuously()).isFalse();
    }

    @Test
    void aFixedWindowIsNotMistakenForABucketWhenItTurnsOver() {
        HostPacer pacer = new HostPacer(1000);
        long t = 0;
        // 50 per 1 s window; the budget falls, then a new window starts with a reset one second later.
        for (int i = 0; i < 40; i++) {
            pacer.onStart(t);
            pacer.onQuota(new ServerQuota(50, 49 - i, Duration.ofNanos(S - t), Optional.empty(),
                    ServerQuota.Format.X_RATELIMIT), t + 5 * MS, 0);
            t += 20 * MS;
        }
        pacer.onStart(S + 10 * MS);
        pacer.onQuota(new ServerQuota(50, 49, Duration.ofMillis(985), Optional.empty(),
                ServerQuota.Format.X_RATELIMIT), S + 15 * MS, 0);

        assertThat(pacer.quotaRefillsContinuously()).isFalse();
        assertThat(pacer.intervalNanos(S + 20 * MS)).isEqualTo((long) (S / (50 * QuotaModel.UTILISATION)));
    }

    @Test
    void ietfBucketWithAPolicyAboveItsCapacityIsPacedAtThePolicyRate() {
        // RateLimit-Policy q=200;w=10 (20/s) on a bucket of 10: Remaining never exceeds 9.
        HostPacer pacer = new HostPacer(80);
        long t = 0;
        Bucket bucket = new Bucket(20, 10);
        int tooMany = 0;
        int served = 0;
        while (t < 10 * S) {
            t = Math.max(t, pacer.earliestStart(t));
            pacer.onStart(t);
            Optional<ServerQuota> q = bucket.take(t + 10 * MS);
            t += 20 * MS;
            if (q.isPresent()) {
                ServerQuota b = q.get();
                pacer.onQuota(new ServerQuota(200, b.remaining(), b.resetIn(), Optional.of(Duration.ofSeconds(10)),
                        ServerQuota.Format.RATELIMIT_FIELD), t, 0);
                served++;
            } else {
                tooMany++;
                pacer.onTooManyRequests(t, S);
            }
        }
        assertThat(tooMany).isZero();
        assertThat(served).isGreaterThanOrEqualTo((int) (0.97 * (10 + 20 * 10)));
    }

    @Test
    void usagePercentagesStayUnderTheCeilingAndAreSpread() {
        // 100% = 500 requests per 10 s rolling window; ceiling 80% = 400 per window = 40/s.
        HostPacer pacer = new HostPacer(1000, 80, Duration.ofSeconds(10));
        java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
        long t = 0;
        int maxPercent = 0;
        while (t < 30 * S) {
            t = Math.max(t, pacer.earliestStart(t));
            pacer.onStart(t);
            while (!window.isEmpty() && window.peekFirst() <= t - 10 * S) {
                window.pollFirst();
            }
            window.addLast(t);
            int percent = (int) (100.0 * window.size() / 500);
            maxPercent = Math.max(maxPercent, percent);
            t += 5 * MS;
            pacer.onUsage(new UsageReport(percent, Optional.empty()), t, 0);
        }
        assertThat(maxPercent).isLessThanOrEqualTo(80);
        // Spread: after the first window it runs close to 40/s.
        assertThat(pacer.sustainedRate(t)).isBetween(36.0, 40.0);
    }

    @Test
    void usageAtTheCeilingStopsTheHostAndTimeToRegainAccessPausesIt() {
        HostPacer pacer = new HostPacer(100, 80, Duration.ofMinutes(60));
        pacer.onStart(0);
        pacer.onUsage(new UsageReport(100, Optional.of(Duration.ofMinutes(7))), 10 * MS, 0);

        assertThat(pacer.earliestStart(20 * MS)).isGreaterThanOrEqualTo(10 * MS + Duration.ofMinutes(7).toNanos());
    }

    @Test
    void neverSendsInsideARetryAfterWindowAndLearnsASmoothedRate() {
        HostPacer pacer = new HostPacer(40);
        long t = 0;
        for (int i = 0; i < 14; i++) {
            pacer.onStart(t);
            pacer.onAnswer(t + 20 * MS);
            t += 25 * MS;
        }
        pacer.onTooManyRequests(t, 2 * S);

        assertThat(pacer.earliestStart(t + MS)).isGreaterThanOrEqualTo(t + 2 * S);
        double learned = pacer.sustainedRate(t + 2 * S);
        // Between what the server sustained (13 successes over 0.35 s + 2 s) and the 40/s that drew the 429,
        // cut by at least the minimum multiplicative decrease.
        assertThat(learned).isGreaterThan(13 / 2.35).isLessThanOrEqualTo(40 * LearnedRate.DECREASE);
    }

    @Test
    void eachFurther429CutsTheRateByAtLeastTheMinimumDecrease() {
        HostPacer pacer = new HostPacer(40);
        long t = 0;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 5; i++) {
                t = Math.max(t, pacer.earliestStart(t));
                pacer.onStart(t);
                pacer.onAnswer(t + 20 * MS);
                t += 20 * MS;
            }
            double before = pacer.sustainedRate(t);
            pacer.onTooManyRequests(t, 100 * MS);
            t += 100 * MS;
            assertThat(pacer.sustainedRate(t)).as("round %d", round)
                    .isLessThanOrEqualTo(before * LearnedRate.DECREASE * 1.001);
        }
    }
}
