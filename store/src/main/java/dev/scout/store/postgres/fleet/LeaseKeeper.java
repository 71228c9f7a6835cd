package dev.scout.store.postgres.fleet;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The host leases one worker holds. Besides the database row, each lease has a local deadline on this process's
 * monotonic clock: the time the acquiring (or renewing) statement was <em>sent</em>, plus the lease length, minus a
 * safety margin. Past it the worker treats the host as lost without asking anyone — a process paused longer than
 * its lease (SIGSTOP, a long GC, a laptop lid) wakes up knowing it may no longer send.
 *
 * <p>{@link #renewAll()} is called periodically (every third of the lease length is plenty) by the composition
 * root's scheduler. Thread-safe.
 */
public final class LeaseKeeper {
    private final HostLeases leases;
    private final String worker;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final Duration leaseFor;
    private final Duration margin;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private record Held(HostLease lease, long deadlineNanos) {
    }

    /**
     * @param leaseFor how long a lease runs from each acquisition or renewal
     * @param margin   kept free at the end of every lease: longer than a request takes to leave after its check
     * @throws IllegalArgumentException when the margin is not shorter than the lease
     */
    public LeaseKeeper(HostLeases leases, String worker, Clock clock, LongSupplier nanoTime, Duration leaseFor,
                       Duration margin) {
        if (margin.isNegative() || margin.compareTo(leaseFor) >= 0) {
            throw new IllegalArgumentException("lease margin " + margin + " must be shorter than the lease " + leaseFor);
        }
        this.leases = leases;
        this.worker = worker;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.leaseFor = leaseFor;
        this.margin = margin;
    }

    public String worker() {
        return worker;
    }

    public Duration margin() {
        return margin;
    }

    /** The lease held on {@code host} while its local deadline has not passed; a lapsed one is forgotten. */
    public Optional<HostLease> current(String host) {
        Held h = held.get(host);
        if (h == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - h.deadlineNanos >= 0) {
            held.remove(host, h);
            return Optional.empty();
        }
        return Optional.of(h.lease);
    }

    /** The held lease on {@code host}, or a new one when the host is free or its lease expired; empty when another worker holds it. */
    public Optional<HostLease> ensure(String host) {
        Optional<HostLease> now = current(host);
        if (now.isPresent()) {
            return now;
        }
        long sentAt = nanoTime.getAsLong();
        Optional<HostLease> taken = leases.acquire(worker, host, clock.instant(), leaseFor);
        taken.ifPresent(l -> held.put(host, new Held(l, deadline(sentAt))));
        return taken;
    }

    /** Tries the candidate hosts in order until this worker holds {@code max} hosts; returns the hosts held. */
    public List<String> acquireUpTo(Collection<String> candidates, int max) {
        for (String host : candidates) {
            if (heldHosts().size() >= max) {
                break;
            }
            ensure(host);
        }
        return heldHosts();
    }

    /**
     * Renews every held lease; a lease another worker took over is dropped. When the database cannot be reached the
     * leases are kept only until their local deadlines, and the error is thrown for the caller's backoff.
     *
     * @return the hosts lost to other workers in this round
     */
    public List<String> renewAll() {
        List<String> lost = new java.util.ArrayList<>();
        for (Map.Entry<String, Held> e : held.entrySet()) {
            long sentAt = nanoTime.getAsLong();
            Optional<HostLease> renewed = leases.renew(e.getValue().lease, clock.instant(), leaseFor);
            if (renewed.isPresent()) {
                held.replace(e.getKey(), e.getValue(), new Held(renewed.get(), deadline(sentAt)));
            } else {
                held.remove(e.getKey(), e.getValue());
                lost.add(e.getKey());
            }
        }
        return lost;
    }

    /** Gives {@code host} back at once (nothing left to do there), so another worker may take it without waiting. */
    public void release(String host) {
        Held h = held.remove(host);
        if (h != null) {
            leases.release(h.lease, clock.instant());
        }
    }

    /** Forgets the lease on {@code host} (its fencing check failed: another worker owns it now). */
    public void drop(String host) {
        held.remove(host);
    }

    /** Hosts held now (local deadlines not passed), sorted. */
    public List<String> heldHosts() {
        return held.keySet().stream().filter(h -> current(h).isPresent()).sorted().toList();
    }

    /** Stores what was learned of {@code host}'s limit with the host, when this worker still holds it. */
    public boolean saveLearnedLimit(String host, LearnedLimit limit) {
        return current(host).map(l -> leases.saveLearnedLimit(l, limit)).orElse(false);
    }

    /** Gives every held host back at once (a worker stopping on its own), so others need not wait for expiry. */
    public void releaseAll() {
        for (Map.Entry<String, Held> e : held.entrySet()) {
            held.remove(e.getKey(), e.getValue());
            leases.release(e.getValue().lease, clock.instant());
        }
    }

    private long deadline(long sentAtNanos) {
        return sentAtNanos + leaseFor.minus(margin).toNanos();
    }
}
