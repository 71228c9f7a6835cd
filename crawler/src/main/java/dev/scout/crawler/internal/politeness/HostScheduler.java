package dev.scout.crawler.internal.politeness;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one per-host scheduler: per-host lanes plus a global in-flight cap, and the seats callers take before they start
 * a sequence of requests to a host ({@link HostSeats}, sized by the same per-host cap as the lane). Hosts proceed in
 * parallel; within a host, requests are paced by its {@link HostPacer} and circuit breaker. (Whether this process
 * may send to a host at all, in a fleet, is the fetcher's {@code HostPermit}, asked right before a request leaves.)
 * No thread ever sleeps: a blocked lane asks the injected
 * {@link ScheduledExecutorService} to wake it when it may proceed, and a caller without a seat is called back when one
 * may be free. Thread-safe.
 */
public final class HostScheduler implements HostSeats {
    private final ScheduledExecutorService scheduler;
    private final TimeSource time;
    private final int maxInFlightTotal;
    private final long circuitWaitCapNanos;
    private final long paceWaitCapNanos;
    private final Function<String, LaneSpec> specs;
    private final Map<String, HostLane> lanes = new ConcurrentHashMap<>();
    private final AtomicInteger globalInFlight = new AtomicInteger();
    private final Queue<HostLane> waitingForGlobal = new ConcurrentLinkedQueue<>();
    private final Consumer<Runnable> onRejected;
    private final SeatTable seats;

    /**
     * How to build a host's lane.
     *
     * @param maxInFlight concurrent requests for the host
     * @param pacer       its pacer (configured rate; the only rate limit of the host)
     * @param breaker     its circuit breaker
     */
    public record LaneSpec(int maxInFlight, HostPacer pacer, CircuitBreaker breaker) {
    }

    /**
     * @param circuitWaitCapNanos longest a queued task waits for an open circuit before it ends
     * @param paceWaitCapNanos    longest a task may be held by the host's pacing; when the next start is further
     *                            away, the queued tasks end at once ({@link LaneTask#pacedTooLong}) instead of waiting
     * @param onRejected runs a task that could not be scheduled because the executor shut down (the fetcher fails
     *                   it as cancelled)
     */
    public HostScheduler(ScheduledExecutorService scheduler, TimeSource time, int maxInFlightTotal,
                         long circuitWaitCapNanos, long paceWaitCapNanos, Function<String, LaneSpec> specs,
                         Consumer<Runnable> onRejected) {
        this.scheduler = scheduler;
        this.time = time;
        this.maxInFlightTotal = maxInFlightTotal;
        this.circuitWaitCapNanos = circuitWaitCapNanos;
        this.paceWaitCapNanos = paceWaitCapNanos;
        this.specs = specs;
        this.onRejected = onRejected;
        this.seats = new SeatTable(host -> lane(host).maxInFlight());
    }

    @Override
    public boolean tryTake(String hostKey, Runnable onMayBeFree) {
        return seats.tryTake(hostKey, onMayBeFree);
    }

    @Override
    public void give(String hostKey) {
        seats.give(hostKey);
    }

    /** Queues a task for {@code hostKey} (at the front for retries and 429 re-tries) and starts what may start. */
    public void submit(String hostKey, LaneTask task, boolean front) {
        HostLane lane = lane(hostKey);
        lane.add(task, front, time.nanoTime());
        pump(lane);
    }

    /** Queues the task after {@code delayNanos} (retry backoff), without holding any thread meanwhile. */
    public void submitAfter(String hostKey, LaneTask task, long delayNanos) {
        schedule(() -> submit(hostKey, task, true), delayNanos, TimeUnit.NANOSECONDS);
    }

    /** A started task of {@code hostKey} has finished its HTTP attempt. */
    public void finished(String hostKey) {
        HostLane lane = lane(hostKey);
        lane.finishedOne();
        globalInFlight.decrementAndGet();
        pump(lane);
        pumpWaitingForGlobal();
    }

    /** Changes a host's pacer under the lane's lock; {@code inFlight} counts the caller's own request if unfinished. */
    @FunctionalInterface
    public interface PacerUpdate {
        void apply(HostPacer pacer, int inFlight, long now);
    }

    /** Runs {@code action} on the host's pacer under the lane's lock, then lets the lane re-plan. */
    public void updatePacer(String hostKey, PacerUpdate action) {
        HostLane lane = lane(hostKey);
        synchronized (lane) {
            action.apply(lane.pacer(), lane.inFlight(), time.nanoTime());
        }
        pump(lane);
    }

    /** The circuit of {@code hostKey} just opened; its lane wakes when the open period ends. */
    public void circuitOpened(String hostKey, long openForNanos) {
        lane(hostKey).circuitOpenedAt(time.nanoTime(), openForNanos);
    }

    /** Stops waking lanes. */
    public void close() {
        lanes.values().forEach(HostLane::cancelWake);
    }

    void pump(HostLane lane) {
        start(lane.pump());
    }

    /** Runs wake number {@code seq} of {@code lane}. */
    void wake(HostLane lane, long seq) {
        start(lane.wakeUp(seq));
    }

    long nanoTime() {
        return time.nanoTime();
    }

    /**
     * Starts the tasks a lane let go. Each already holds a lane slot, so one that throws must not keep the others
     * from starting (their slots would never be given back): all are started, then the first failure is rethrown.
     */
    private static void start(List<Runnable> toRun) {
        RuntimeException failure = null;
        for (Runnable task : toRun) {
            try {
                task.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    boolean tryAcquireGlobal() {
        while (true) {
            int current = globalInFlight.get();
            if (current >= maxInFlightTotal) {
                return false;
            }
            if (globalInFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void waitForGlobal(HostLane lane) {
        waitingForGlobal.add(lane);
        if (globalInFlight.get() < maxInFlightTotal) {
            // A slot freed between our failed attempt and the registration: do not miss the wake-up.
            schedule(this::pumpWaitingForGlobal, 0, TimeUnit.NANOSECONDS);
        }
    }

    long circuitWaitCapNanos() {
        return circuitWaitCapNanos;
    }

    long paceWaitCapNanos() {
        return paceWaitCapNanos;
    }

    ScheduledFuture<?> schedule(Runnable action, long delay, TimeUnit unit) {
        try {
            return scheduler.schedule(action, delay, unit);
        } catch (RejectedExecutionException e) {
            onRejected.accept(action);
            return null;
        }
    }

    private void pumpWaitingForGlobal() {
        HostLane next;
        while (globalInFlight.get() < maxInFlightTotal && (next = waitingForGlobal.poll()) != null) {
            next.globalSlotMayBeFree();
            pump(next);
        }
    }

    private HostLane lane(String hostKey) {
        return lanes.computeIfAbsent(hostKey, key -> {
            LaneSpec spec = specs.apply(key);
            return new HostLane(key, this, spec.maxInFlight(), spec.pacer(), spec.breaker());
        });
    }
}
