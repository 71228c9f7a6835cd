package dev.scout.crawler.internal.politeness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * TEST ONLY: a {@link ScheduledExecutorService} that runs nothing by itself; the test fires scheduled tasks one at a
 * time with {@link #runNext()}, whatever the lane's clock says, so it can stage any order of events. Thread-safe.
 */
final class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    private final class Task extends FutureTask<Void> implements ScheduledFuture<Void> {
        final long delayNanos;
        final long order;

        Task(Runnable action, long delayNanos, long order) {
            super(action, null);
            this.delayNanos = delayNanos;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(delayNanos, o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            boolean cancelled = super.cancel(mayInterrupt);
            synchronized (FakeScheduler.this) {
                tasks.remove(this);
            }
            return cancelled;
        }
    }

    /** Scheduled tasks not yet run or cancelled. */
    synchronized int pending() {
        return tasks.size();
    }

    /** Runs the task that is due first (ties in scheduling order); false when none is pending. */
    boolean runNext() {
        Task next;
        synchronized (this) {
            next = tasks.stream().min(Comparator.comparingLong((Task t) -> t.delayNanos).thenComparingLong(t -> t.order))
                    .orElse(null);
            if (next == null) {
                return false;
            }
            tasks.remove(next);
        }
        next.run();
        return true;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, unit.toNanos(delay), seq++);
        tasks.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
