package dev.scout.crawler.platform.meta;

import dev.scout.crawler.platform.PlatformException;
import dev.scout.model.Platform;
import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gate stops a Meta platform on throttles and fatal errors; usage percentages are the host pacer's job. */
class UsageGateTest {
    private static final URI URL = URI.create("https://graph.facebook.com/v25.0/1");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));

    @Test
    void usagePercentagesAloneNeverStopCallsTheHostPacerPacesThem() throws Exception {
        UsageGate gate = new UsageGate(Platform.INSTAGRAM, clock);
        gate.observe(new GraphUsage(OptionalInt.of(99), Duration.ZERO));
        gate.acquire("s", URL);
    }

    @Test
    void timeToRegainAccessStopsEveryCallUntilThen() throws Exception {
        UsageGate gate = new UsageGate(Platform.THREADS, clock);
        gate.observe(new GraphUsage(OptionalInt.of(100), Duration.ofMinutes(7)));

        assertThatThrownBy(() -> gate.acquire("s", URL)).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
            assertThat(e.retryAt()).contains(clock.instant().plus(Duration.ofMinutes(7)));
        });
        clock.advance(Duration.ofMinutes(7));
        gate.acquire("s", URL);
    }

    @Test
    void aFatalErrorRefusesEveryLaterCall() {
        UsageGate gate = new UsageGate(Platform.INSTAGRAM, clock);
        gate.fatal("the access token was refused");

        assertThatThrownBy(() -> gate.acquire("s", URL)).isInstanceOfSatisfying(PlatformException.class,
                e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED));
    }

    @Test
    void repeatedThrottlesDoubleThePauseUpToAnHour() {
        UsageGate gate = new UsageGate(Platform.INSTAGRAM, clock);
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
