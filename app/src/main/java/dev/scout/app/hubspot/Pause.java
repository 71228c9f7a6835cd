package dev.scout.app.hubspot;

import java.time.Duration;

/**
 * Waits before the next request (pacing, 429 and outage backoff). Injected so tests advance a fake clock instead
 * of waiting; production uses {@link ScheduledPause}.
 */
@FunctionalInterface
public interface Pause {

    /** Returns after {@code duration}; throws {@link InterruptedException} (flag cleared) when interrupted. */
    void pause(Duration duration) throws InterruptedException;
}
