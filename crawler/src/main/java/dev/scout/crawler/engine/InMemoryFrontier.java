package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link Frontier} held in memory: for tests, and as the fallback when no store is configured (a killed run then
 * starts over). Claims hand out the shallowest entries first, oldest first within a depth, so seeds and their
 * neighbours are crawled before distant discoveries. Thread-safe: every method locks the whole frontier, which is
 * cheap next to the network requests each entry costs.
 */
public final class InMemoryFrontier implements Frontier {

    private static final Comparator<Entry> CLAIM_ORDER =
            Comparator.comparingInt((Entry e) -> e.depth).thenComparingLong(e -> e.seq);

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long nextSeq;

    private static final class Entry {
        final ProfileRef ref;
        final int depth;
        final String via;
        final long seq;
        EntryState state = EntryState.PENDING;
        int attempts;
        Instant notBefore = Instant.MIN;
        Instant leaseUntil = Instant.MIN;
        String reason = "";

        Entry(ProfileRef ref, int depth, String via, long seq) {
            this.ref = ref;
            this.depth = depth;
            this.via = via;
            this.seq = seq;
        }
    }

    /** What the frontier holds about one profile; for reports and tests. */
    public record Snapshot(ProfileRef ref, int depth, String via, EntryState state, int attempts, String reason) {
    }

    @Override
    public synchronized int offer(Collection<Discovered> discovered) {
        int added = 0;
        for (Discovered d : discovered) {
            Objects.requireNonNull(d, "discovered entry");
            if (!entries.containsKey(d.ref().id())) {
                entries.put(d.ref().id(), new Entry(d.ref(), d.depth(), d.via() == null ? "" : d.via(), nextSeq++));
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized List<Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
        if (max <= 0) {
            return List.of();
        }
        List<Entry> due = new ArrayList<>();
        for (Entry e : entries.values()) {
            boolean pendingDue = e.state == EntryState.PENDING && !e.notBefore.isAfter(now);
            boolean leaseExpired = e.state == EntryState.IN_FLIGHT && !e.leaseUntil.isAfter(now);
            if (pendingDue || leaseExpired) {
                due.add(e);
            }
        }
        due.sort(CLAIM_ORDER);
        List<Lease> out = new ArrayList<>();
        Instant until = now.plus(leaseFor);
        for (Entry e : due.subList(0, Math.min(max, due.size()))) {
            e.state = EntryState.IN_FLIGHT;
            e.attempts++;
            e.leaseUntil = until;
            out.add(new Lease(e.ref, e.depth, e.attempts, until));
        }
        return out;
    }

    @Override
    public synchronized void complete(ProfileRef ref) {
        Entry e = require(ref);
        e.state = EntryState.DONE;
        e.reason = "";
    }

    @Override
    public synchronized void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
        Entry e = require(ref);
        e.reason = reason;
        if (retryAt.isPresent()) {
            e.state = EntryState.PENDING;
            e.notBefore = retryAt.get();
        } else {
            e.state = EntryState.FAILED;
        }
    }

    @Override
    public synchronized void skip(ProfileRef ref, String reason) {
        Entry e = require(ref);
        e.state = EntryState.SKIPPED;
        e.reason = reason;
    }

    @Override
    public synchronized void defer(ProfileRef ref, Instant notBefore) {
        Entry e = require(ref);
        e.state = EntryState.PENDING;
        e.notBefore = notBefore;
        // A deferral is not an attempt: the entry was given back without being worked on.
        e.attempts = Math.max(0, e.attempts - 1);
    }

    @Override
    public synchronized Map<EntryState, Long> counts() {
        Map<EntryState, Long> counts = new EnumMap<>(EntryState.class);
        for (EntryState s : EntryState.values()) {
            counts.put(s, 0L);
        }
        for (Entry e : entries.values()) {
            counts.merge(e.state, 1L, Long::sum);
        }
        return counts;
    }

    /** Every entry in offer order. */
    public synchronized List<Snapshot> entries() {
        return entries.values().stream()
                .map(e -> new Snapshot(e.ref, e.depth, e.via, e.state, e.attempts, e.reason)).toList();
    }

    /** One entry, if known. */
    public synchronized Optional<Snapshot> entry(ProfileRef ref) {
        Entry e = entries.get(ref.id());
        return e == null ? Optional.empty() : Optional.of(new Snapshot(e.ref, e.depth, e.via, e.state, e.attempts, e.reason));
    }

    private Entry require(ProfileRef ref) {
        Entry e = entries.get(ref.id());
        if (e == null) {
            throw new IllegalArgumentException("frontier has no entry for " + ref.id());
        }
        return e;
    }
}
