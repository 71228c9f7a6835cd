package dev.scout.app.hubspot;

import dev.scout.model.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final RecordingPause pause = new RecordingPause(clock);

    @Test
    void allowsTheLimitAtOnceThenWaitsForTheOldestToLeaveTheWindow() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(2, clock, pause);

        pacer.acquire();
        clock.advance(Duration.ofSeconds(3));
        pacer.acquire();
        pacer.acquire();

        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void rollingWindowNeverExceedsTheLimit() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(90, clock, pause);
        java.util.List<Instant> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            pacer.acquire();
            sent.add(clock.instant());
            clock.advance(Duration.ofMillis(37));
        }
        for (int i = 90; i < sent.size(); i++) {
            assertThat(Duration.between(sent.get(i - 90), sent.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void backOffDelaysTheNextRequest() throws InterruptedException {
        RequestPacer pacer = new RequestPacer(90, clock, pause);

        pacer.backOffUntil(clock.instant().plusSeconds(12));
        pacer.backOffUntil(clock.instant().plusSeconds(5));
        pacer.acquire();

        assertThat(pause.total()).isEqualTo(Duration.ofSeconds(12));
    }
}
