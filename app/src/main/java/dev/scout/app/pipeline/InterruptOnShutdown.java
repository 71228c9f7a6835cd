package dev.scout.app.pipeline;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C or SIGTERM during a run into an interrupt of the thread running it, and holds the JVM's shutdown
 * until that thread has recorded how the run ended and closed the store (at most {@link #GRACE}). Without it the
 * JVM would stop mid-run and leave the run recorded as running. {@link #close()} removes the hook. Thread-safe.
 */
final class InterruptOnShutdown implements AutoCloseable {
    /** Longest the shutdown waits for the run to record its end. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private final Thread hook;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean triggered = new AtomicBoolean();

    private InterruptOnShutdown(Thread target) {
        this.hook = new Thread(() -> {
            triggered.set(true);
            target.interrupt();
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "scout-shutdown");
    }

    static InterruptOnShutdown install(Thread target) {
        InterruptOnShutdown h = new InterruptOnShutdown(target);
        Runtime.getRuntime().addShutdownHook(h.hook);
        return h;
    }

    /** True once a signal asked the JVM to stop during the run. */
    boolean triggered() {
        return triggered.get();
    }

    @Override
    public void close() {
        finished.countDown();
        if (!triggered.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM began shutting down after the check: the hook runs, finds the latch open and returns.
                finished.countDown();
            }
        }
    }
}
