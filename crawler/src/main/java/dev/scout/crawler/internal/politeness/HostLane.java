package dev.scout.crawler.internal.politeness;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One host's queue: the single place that decides when the host's next request goes. Decides under its own lock
 * which queued tasks may start now — in-flight cap, pacer (rate, crawl-delay, server quota, usage, pauses), circuit
 * breaker, global slot — and, when none may, schedules a wake-up for the moment one can instead of sleeping. The
 * pacer is the only rate limit: there is no second limiter at the same rate. Tasks are started outside the lock.
 */
final class HostLane {
    private static final long MIN_WAKE_NANOS = 200_000L;

    final String hostKey;
    private final HostScheduler owner;
    private final int maxInFlight;
    private final HostPacer pacer;
    private final CircuitBreaker breaker;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean waitingForGlobal;
    private ScheduledFuture<?> wake;
    private long wakeAt;
    /** Identifies the newest scheduled wake, so a wake can tell whether it is the one the lane counts on. */
    private long wakeSeq;
    /** A wake is scheduled and has not yet taken this lock: it will pump after any change made now. */
    private boolean wakePending;
    private long circuitOpenUntil = Long.MIN_VALUE;

    private record Queued(LaneTask task, long enqueuedAt) {
    }

    HostLane(String hostKey, HostScheduler owner, int maxInFlight, HostPacer pacer, CircuitBreaker breaker) {
        this.hostKey = hostKey;
        this.owner = owner;
        this.maxInFlight = maxInFlight;
        this.pacer = pacer;
        this.breaker = breaker;
    }

    synchronized void add(LaneTask task, boolean front, long now) {
        Queued q = new Queued(task, now);
        if (front) {
            queue.addFirst(q);
        } else {
            queue.addLast(q);
        }
    }

    synchronized void finishedOne() {
        inFlight--;
    }

    synchronized HostPacer pacer() {
        return pacer;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    int maxInFlight() {
        return maxInFlight;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized void circuitOpenedAt(long now, long openForNanos) {
        circuitOpenUntil = now + openForNanos;
    }

    /**
     * Starts what may start now; returns the tasks to start (outside the lock) and schedules the next wake-up. The
     * time is read under the lock: a time read before waiting for it could be stale and start a request early.
     */
    List<Runnable> pump() {
        List<Runnable> toRun = new ArrayList<>();
        synchronized (this) {
            long now = owner.nanoTime();
            while (!queue.isEmpty() && inFlight < maxInFlight) {
                long earliest = pacer.earliestStart(now);
                if (earliest - now > owner.paceWaitCapNanos()) {
                    // Usage at its ceiling for most of an hour, a long announced pause: holding the requests that
                    // long would stall their callers; they end now with the time to come back.
                    long wait = earliest - now;
                    while (!queue.isEmpty()) {
                        Queued q = queue.pollFirst();
                        toRun.add(() -> q.task().pacedTooLong(wait));
                    }
                    break;
                }
                if (earliest > now) {
                    scheduleWake(earliest, now);
                    break;
                }
                if (!breaker.tryAcquirePermission()) {
                    expireDeferred(now, toRun);
                    // Half-open with probes out: the probe's answer pumps us again. Open: wake when it may close.
                    if (breaker.getState() == CircuitBreaker.State.OPEN) {
                        long openUntil = Math.max(circuitOpenUntil, now + MIN_WAKE_NANOS * 50);
                        scheduleWake(queue.isEmpty() ? openUntil
                                : Math.min(openUntil, queue.peekFirst().enqueuedAt() + owner.circuitWaitCapNanos() + 1), now);
                    }
                    break;
                }
                if (!owner.tryAcquireGlobal()) {
                    breaker.releasePermission();
                    if (!waitingForGlobal) {
                        waitingForGlobal = true;
                        owner.waitForGlobal(this);
                    }
                    break;
                }
                Queued q = queue.pollFirst();
                inFlight++;
                pacer.onStart(now);
                long waited = now - q.enqueuedAt();
                toRun.add(() -> q.task().start(waited));
            }
        }
        return toRun;
    }

    /** Wake number {@code seq} fired: from here on the lane no longer counts on it, then it pumps. */
    List<Runnable> wakeUp(long seq) {
        synchronized (this) {
            if (seq == wakeSeq) {
                wakePending = false;
            }
            return pump();
        }
    }

    synchronized void globalSlotMayBeFree() {
        waitingForGlobal = false;
    }

    private void expireDeferred(long now, List<Runnable> toRun) {
        Iterator<Queued> it = queue.iterator();
        while (it.hasNext()) {
            Queued q = it.next();
            long waited = now - q.enqueuedAt();
            if (waited > owner.circuitWaitCapNanos()) {
                it.remove();
                toRun.add(() -> q.task().circuitOpenTooLong(waited));
            }
        }
    }

    private void scheduleWake(long at, long now) {
        // Only a wake that has not yet taken this lock can be counted on: it will pump after us and see this state.
        // One that has fired — possibly the very wake running this pump — cannot, whatever the clocks say (the
        // executor's clock and the lane's time source need not agree, so "its time has come" is no test).
        if (wakePending && wakeAt <= at) {
            return;
        }
        if (wake != null) {
            wake.cancel(false);
        }
        long seq = ++wakeSeq;
        wakeAt = at;
        wake = owner.schedule(() -> owner.wake(this, seq), Math.max(0, at - now), TimeUnit.NANOSECONDS);
        wakePending = wake != null;
    }

    synchronized void cancelWake() {
        if (wake != null) {
            wake.cancel(false);
        }
        wakePending = false;
    }
}
