package dev.scout.crawler.internal.politeness;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A host's pacer starting from the rate remembered from the host's previous owner, and telling which of its own
 * findings are worth passing on. Fake nano clock: exact times, no waiting.
 */
class RememberedStartTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void aRememberedRateSlowsTheConfiguredRateFromTheFirstRequest() {
        HostPacer pacer = new HostPacer(20);
        pacer.startFrom(3, 0);

        pacer.onStart(0);

        assertThat(pacer.earliestStart(0)).isCloseTo(S / 3, within(MS));
    }

    @Test
    void aRememberedRateNeverSpeedsUpTheConfiguredRate() {
        HostPacer pacer = new HostPacer(2);
        pacer.startFrom(10, 0);

        pacer.onStart(0);

        assertThat(pacer.earliestStart(0)).isEqualTo(S / 2);
    }

    @Test
    void theServersAdvertisedLimitReplacesARememberedRateAtOnce() {
        HostPacer pacer = new HostPacer(100);
        pacer.startFrom(3, 0);
        pacer.onStart(0);

        // The first answer states 50 requests per second: the remembered 3 no longer holds the host.
        pacer.onQuota(new ServerQuota(50, 49, Duration.ofMillis(900), Optional.of(Duration.ofSeconds(1)),
                ServerQuota.Format.RATELIMIT), 20 * MS, 0);

        assertThat(pacer.earliestStart(20 * MS)).isEqualTo(20 * MS);
        assertThat(pacer.intervalNanos(20 * MS)).isEqualTo(20 * MS);
    }

    @Test
    void aRememberedRateThatNoLongerHoldsIsProbedUpwardsAndDoesNotHoldTheHostDown() {
        HostPacer pacer = new HostPacer(20);
        pacer.startFrom(3, 0);

        // Without a 429, the rate grows as a learned one does: more than doubled after ten minutes.
        assertThat(pacer.sustainedRate(600 * S)).isGreaterThan(6);
        assertThat(pacer.sustainedRate(3600 * S)).isEqualTo(20);
    }

    @Test
    void aRememberedRateDoesNotSpeedUpWhatThisPacerLearnedItself() {
        HostPacer pacer = new HostPacer(20);
        long t = tooManyAfterSteadyRequests(pacer, 0);
        double learned = pacer.sustainedRate(t);

        pacer.startFrom(learned * 2, t);

        assertThat(pacer.sustainedRate(t)).isEqualTo(learned);
    }

    @Test
    void aRememberedStartIsNotReportedBackAsIfLearnedHere() {
        HostPacer pacer = new HostPacer(20);
        pacer.startFrom(3, 0);
        pacer.onStart(0);
        pacer.onAnswer(10 * MS);

        assertThat(pacer.rateToReport()).isEmpty();
    }

    @Test
    void reportsARateLearnedFrom429sOnceAndAgainOnlyWhenItMovesMaterially() {
        HostPacer pacer = new HostPacer(20);
        assertThat(pacer.rateToReport()).as("nothing learned yet").isEmpty();
        long t = tooManyAfterSteadyRequests(pacer, 0);

        OptionalDouble first = pacer.rateToReport();
        assertThat(first).isPresent();
        assertThat(first.getAsDouble()).isLessThan(20);
        assertThat(pacer.rateToReport()).as("unchanged since reported").isEmpty();
        assertThat(pacer.rateToReport()).as("probing upwards is no new evidence").isEmpty();

        tooManyAfterSteadyRequests(pacer, t + 60 * S);
        OptionalDouble second = pacer.rateToReport();
        assertThat(second).isPresent();
        assertThat(Math.abs(second.getAsDouble() - first.getAsDouble()))
                .isGreaterThan(HostPacer.MATERIAL_CHANGE * first.getAsDouble());
    }

    @Test
    void reportsTheAdvertisedLimitOnlyOnceItsWindowIsKnown() {
        HostPacer pacer = new HostPacer(100);
        // Remaining and reset alone: a pace for the current window, not yet the host's rate.
        pacer.onQuota(new ServerQuota(300, 299, Duration.ofSeconds(299), Optional.empty(),
                ServerQuota.Format.X_RATELIMIT), 0, 0);
        assertThat(pacer.rateToReport()).isEmpty();

        pacer.onQuota(new ServerQuota(300, 298, Duration.ofSeconds(298), Optional.of(Duration.ofMinutes(5)),
                ServerQuota.Format.RATELIMIT), S, 0);

        assertThat(pacer.rateToReport()).hasValueCloseTo(1.0, within(1e-9));
        assertThat(pacer.rateToReport()).as("the same limit again").isEmpty();
    }

    /** 40 answers 100 ms apart, then a 429 with a one-second wait; returns the time of the 429. */
    private static long tooManyAfterSteadyRequests(HostPacer pacer, long from) {
        long t = from;
        for (int i = 0; i < 40; i++) {
            pacer.onStart(t);
            pacer.onAnswer(t + 5 * MS);
            t += 100 * MS;
        }
        pacer.onStart(t);
        pacer.onTooManyRequests(t + 5 * MS, S);
        return t + 5 * MS;
    }
}
