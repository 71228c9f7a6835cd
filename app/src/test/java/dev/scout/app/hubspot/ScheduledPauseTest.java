package dev.scout.app.hubspot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduledPauseTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "scheduled-pause-test"));

    @AfterEach
    void shutdown() {
        scheduler.shutdownNow();
    }

    @Test
    void zeroOrNegativeDurationReturnsWithoutScheduling() throws InterruptedException {
        ScheduledPause pause = new ScheduledPause(scheduler);

        pause.pause(Duration.ZERO);
        pause.pause(Duration.ofSeconds(-3));

        assertThat(scheduler.isShutdown()).isFalse();
    }

    @Test
    void interruptedCallerStopsWaitingWithInterruptedException() {
        ScheduledPause pause = new ScheduledPause(scheduler);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> pause.pause(Duration.ofHours(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }
}
