package dev.scout.app.hubspot;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Pause} that waits for a task scheduled on the composition root's {@link ScheduledExecutorService}, so
 * waiting is owned by one scheduler (named threads, shut down with the app) rather than ad-hoc sleeps.
 */
public final class ScheduledPause implements Pause {

    private final ScheduledExecutorService scheduler;

    public ScheduledPause(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public void pause(Duration duration) throws InterruptedException {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        ScheduledFuture<?> due = scheduler.schedule(() -> { }, duration.toNanos(), TimeUnit.NANOSECONDS);
        try {
            due.get();
        } catch (InterruptedException e) {
            due.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an empty scheduled task cannot fail", e);
        }
    }
}
