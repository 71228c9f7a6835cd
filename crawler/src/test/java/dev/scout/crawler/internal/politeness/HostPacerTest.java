package dev.scout.crawler.internal.politeness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacer on a fake nano clock: no waiting, exact times. */
class HostPacerTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void spacesStartsAtTheConfiguredRate() {
        HostPacer pacer = new HostPacer(4.0);
        long t = 10 * S;
        assertThat(pacer.earliestStart(t)).isEqualTo(t);
        pacer.onStart(t);
        assertThat(pacer.earliestStart(t)).isEqualTo(t + 250 * MS);
    }

    @Test
    void stopsWhenTheAdvertisedBudgetIsSpentAndResumesAfterReset() {
        HostPacer pacer = new HostPacer(100);
        long t = 0;
        pacer.onStart(t);
        pacer.onQuota(new ServerQuota(300, 0, Duration.ofSeconds(42), Optional.empty(), ServerQuota.Format.X_RATELIMIT),
                t + 5 * MS, 0);

        long earliest = pacer.earliestStart(t + 6 * MS);

        assertThat(earliest).isGreaterThanOrEqualTo(t + 5 * MS + 42 * S);
        assertThat(earliest).isLessThan(t + 5 * MS + 42 * S + 50 * MS);
    }

    @Test
    void countsRequestsStillInFlightAgainstTheBudget() {
        HostPacer pacer = new HostPacer(100);
        pacer.onQuota(new ServerQuota(10, 2, Duration.ofSeconds(1), Optional.empty(), ServerQuota.Format.RATELIMIT),
                0, 2);

        assertThat(pacer.earliestStart(MS)).isGreaterThanOrEqualTo(S);
    }

    @Test
    void pacesAtTheAdvertisedPolicyRateEvenWhenConfiguredFaster() {
        HostPacer pacer = new HostPacer(1000);
        pacer.onQuota(new ServerQuota(50, 49, Duration.ofMillis(900), Optional.of(Duration.ofSeconds(1)),
                ServerQuota.Format.RATELIMIT), 0, 0);

        long interval = pacer.intervalNanos(0);

        // 50 per second at 98% utilisation: never more than the limit, at least 95% of it.
        assertThat(interval).isGreaterThanOrEqualTo(20 * MS).isLessThanOrEqualTo((long) (S / (50 * 0.95)));
    }

    @Test
    void learnsTheWindowLengthFromSuccessiveResets() {
        HostPacer pacer = new HostPacer(1000);
        pacer.onQuota(quota(50, 10, 300 * MS), 0, 0);
        // 310 ms later a new window has begun: the reset moved one second on (plus a little jitter).
        pacer.onQuota(quota(50, 49, 993 * MS), 310 * MS, 0);

        assertThat(pacer.intervalNanos(320 * MS)).isEqualTo((long) (S / (50 * QuotaModel.UTILISATION)));
    }

    @Test
    void ignoresALateAnswerFromAnEarlierWindow() {
        HostPacer pacer = new HostPacer(1000);
        pacer.onQuota(quota(50, 0, 10 * MS), 0, 0);
        pacer.onQuota(quota(50, 49, 990 * MS), 20 * MS, 0);
        // An answer counted in the old window arrives after the new window's first answer.
        pacer.onQuota(quota(50, 0, 0), 25 * MS, 0);

        assertThat(pacer.earliestStart(30 * MS)).isLessThan(100 * MS);
    }

    @Test
    void pausesForTooManyRequestsAndLearnsASlowerRateWithoutHeaders() {
        HostPacer pacer = new HostPacer(200);
        long t = 0;
        for (int i = 0; i < 50; i++) {
            pacer.onStart(t);
            pacer.onAnswer(t);
            t += 5 * MS;
        }
        pacer.onTooManyRequests(t, S);

        assertThat(pacer.earliestStart(t)).isGreaterThanOrEqualTo(t + S);
        long learned = pacer.intervalNanos(t + S);
        assertThat(learned).isGreaterThan(5 * MS);
        // It grows back slowly (additive increase), still well under the rate that drew the 429 ten seconds later.
        assertThat(pacer.intervalNanos(t + 11 * S)).isLessThan(learned).isGreaterThan(2 * 5 * MS);
    }

    @Test
    void crawlDelayOnlySlowsDown() {
        HostPacer pacer = new HostPacer(10);
        pacer.crawlDelay(Duration.ofSeconds(2));
        assertThat(pacer.intervalNanos(0)).isEqualTo(2 * S);
        HostPacer fast = new HostPacer(0.25);
        fast.crawlDelay(Duration.ofSeconds(2));
        assertThat(fast.intervalNanos(0)).isEqualTo(4 * S);
    }

    private static ServerQuota quota(long limit, long remaining, long resetInNanos) {
        return new ServerQuota(limit, remaining, Duration.ofNanos(resetInNanos), Optional.empty(),
                ServerQuota.Format.X_RATELIMIT);
    }
}
