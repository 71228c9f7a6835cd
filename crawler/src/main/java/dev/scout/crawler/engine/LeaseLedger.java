package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's view of its {@link Frontier} that remembers which claimed entries are still open (claimed by this run
 * and not yet completed, failed, skipped or deferred), per worker. A worker that dies of an unexpected error gives
 * its open entries back ({@link #release}), so no entry stays in flight until its lease expires. Thread-safe.
 */
final class LeaseLedger implements Frontier {
    private final Frontier frontier;
    /** Open entries: profile id → the reference and the worker that claimed it. */
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    /** Times at which entries this run put back become due again: idle workers wake then instead of polling. */
    /** Due times are kept to this grain; an entry is claimed at most this much after it became due. */
    static final Duration DUE_GRAIN = Duration.ofMillis(20);
    private final java.util.concurrent.ConcurrentSkipListSet<Instant> dueTimes =
            new java.util.concurrent.ConcurrentSkipListSet<>();

    private record Open(ProfileRef ref, String worker) {
    }

    LeaseLedger(Frontier frontier) {
        this.frontier = frontier;
    }

    @Override
    public int offer(Collection<Discovered> discovered) {
        return frontier.offer(discovered);
    }

    @Override
    public List<Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
        dueTimes.headSet(now, true).clear(); // what is due by now is claimable by this very claim
        List<Lease> leases = frontier.claim(worker, max, now, leaseFor);
        leases.forEach(l -> open.put(l.ref().id(), new Open(l.ref(), worker)));
        return leases;
    }

    @Override
    public void complete(ProfileRef ref) {
        frontier.complete(ref);
        open.remove(ref.id());
    }

    @Override
    public void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
        frontier.fail(ref, reason, retryAt);
        open.remove(ref.id());
        retryAt.ifPresent(this::dueAt);
    }

    @Override
    public void skip(ProfileRef ref, String reason) {
        frontier.skip(ref, reason);
        open.remove(ref.id());
    }

    @Override
    public void defer(ProfileRef ref, Instant notBefore) {
        frontier.defer(ref, notBefore);
        open.remove(ref.id());
        dueAt(notBefore);
    }

    @Override
    public Map<EntryState, Long> counts() {
        return frontier.counts();
    }

    @Override
    public long pendingUpTo(long limit) {
        return frontier.pendingUpTo(limit);
    }

    /**
     * Gives every entry {@code worker} (or, when empty, any worker) still holds back to the frontier, claimable at
     * {@code now} without counting an attempt. Best effort: an entry the frontier refuses to take back stays in
     * flight until its lease expires (the next run takes it over). Returns how many were given back.
     */
    int release(Optional<String> worker, Instant now) {
        List<Open> toRelease = new ArrayList<>();
        open.values().forEach(o -> {
            if (worker.isEmpty() || worker.get().equals(o.worker())) {
                toRelease.add(o);
            }
        });
        int released = 0;
        for (Open o : toRelease) {
            try {
                defer(o.ref(), now);
                released++;
            } catch (RuntimeException e) {
                // The frontier itself is failing; the lease expires and the next run takes the entry over.
                open.remove(o.ref().id());
            }
        }
        return released;
    }

    /**
     * Remembers a due time rounded up to {@link #DUE_GRAIN}: the retries of one batch, set a few microseconds apart,
     * wake idle workers once, not once each.
     */
    private void dueAt(Instant t) {
        long grain = DUE_GRAIN.toNanos();
        long nanosOfGrain = Math.floorMod(t.getNano(), grain);
        dueTimes.add(nanosOfGrain == 0 ? t : t.plusNanos(grain - nanosOfGrain));
    }

    /**
     * The earliest time, not yet passed to a {@link #claim}, at which an entry this run failed with a retry time or
     * deferred becomes due; empty when none.
     */
    Optional<Instant> earliestDue() {
        return Optional.ofNullable(dueTimes.ceiling(Instant.MIN));
    }

    /** Entries claimed in this run and not yet settled. */
    int openCount() {
        return open.size();
    }
}
