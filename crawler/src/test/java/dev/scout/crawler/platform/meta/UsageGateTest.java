package dev.scout.crawler.platform.meta;

import dev.scout.crawler.platform.PlatformException;
import dev.scout.model.Platform;
import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageGateTest {
    private static final URI URL = URI.create("https://graph.facebook.com/v25.0/1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

    private static GraphUsage pct(int p) {
        return new GraphUsage(OptionalInt.of(p), Duration.ZERO);
    }

    /** A server that counts calls against an hourly budget and reports the percentage, as Meta does. */
    @ParameterizedTest
    @CsvSource({"20, 80", "200, 80", "37, 90", "1000, 50", "13, 100"})
    void reportedUsageNeverPassesTheCeilingOnceTheStepIsLearned(int callsPerHour, int ceiling) {
        UsageGate gate = new UsageGate(Platform.INSTAGRAM, ceiling, clock);
        int calls = 0;
        int highest = 0;
        while (true) {
            try {
                gate.acquire("s", URL);
            } catch (PlatformException e) {
                assertThat(e.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
                break;
            }
            calls++;
            int reported = (int) Math.ceil(calls * 100.0 / callsPerHour);
            highest = Math.max(highest, reported);
            gate.observe(pct(reported));
            gate.release();
        }
        int firstStep = (int) Math.ceil(100.0 / callsPerHour);
        // Until two reports are seen the step is assumed to be 1 point: only the second call can overshoot that.
        assertThat(highest).isLessThanOrEqualTo(Math.max(ceiling, 2 * firstStep));
        assertThat(calls).isGreaterThan(0);
    }

    @Test
    void callsInFlightCountAgainstTheCeiling() throws Exception {
        UsageGate gate = new UsageGate(Platform.INSTAGRAM, 80, clock);
        gate.acquire("s", URL);
        gate.observe(pct(70));
        gate.release();
        gate.acquire("s", URL);
        gate.observe(pct(75));
        gate.release();
        gate.acquire("a", URL); // 75 + 5 = 80: allowed
        assertThatThrownBy(() -> gate.acquire("b", URL)) // 75 + 2 × 5 = 85 > 80 with one call in flight
                .isInstanceOf(PlatformException.class).hasMessageContaining("ceiling of 80%");
    }

    @Test
    void afterTheCeilingPauseOneCallMeasuresAgain() throws Exception {
        UsageGate gate = new UsageGate(Platform.THREADS, 80, clock);
        gate.acquire("s", URL);
        gate.observe(pct(80));
        gate.release();
        assertThatThrownBy(() -> gate.acquire("s", URL)).isInstanceOf(PlatformException.class);

        clock.advance(UsageGate.CEILING_PAUSE);
        gate.acquire("probe", URL);
        gate.observe(pct(40));
        gate.release();
        gate.acquire("next", URL);
    }

    @Test
    void repeatedThrottlesDoubleThePauseUpToAnHour() {
        UsageGate gate = new UsageGate(Platform.INSTAGRAM, 80, clock);
        GraphError four = new GraphError(4, OptionalInt.empty());
        Instant t0 = clock.instant();

        assertThat(gate.throttled(four)).isEqualTo(t0.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15));
        assertThat(gate.throttled(four)).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        clock.advance(Duration.ofMinutes(30));
        gate.throttled(four);
        clock.advance(Duration.ofMinutes(60));
        assertThat(gate.throttled(four)).isEqualTo(clock.instant().plus(UsageGate.MAX_THROTTLE_PAUSE));
    }
}
