package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The set of profiles a crawl knows about and their state. Crawl state lives here, not in the engine's memory,
 * so that a killed run resumes where it stopped. Implementations: the SQLite store (production) and an in-memory
 * one for tests. Thread-safe.
 *
 * <p>Work is handed out under leases: a claimed entry is {@link EntryState#IN_FLIGHT} until its lease expires;
 * an expired lease makes the entry claimable again (a crashed worker loses nothing).
 */
public interface Frontier {

    /** Adds references not seen before as {@link EntryState#PENDING}; known ones are left alone. Returns how many were new. */
    int offer(Collection<Discovered> discovered);

    /**
     * Claims up to {@code max} entries that are pending (or whose lease expired) and due at {@code now}, marking them
     * in flight for {@code worker} until {@code now + leaseFor}.
     */
    List<Lease> claim(String worker, int max, Instant now, Duration leaseFor);

    /** The profile was fetched and its snapshot stored. */
    void complete(ProfileRef ref);

    /** Fetching failed; the entry becomes {@link EntryState#FAILED} with the reason, or pending again at {@code retryAt}. */
    void fail(ProfileRef ref, String reason, java.util.Optional<Instant> retryAt);

    /** Not to be crawled (opted out, out of range, robots), with the reason shown to the user. */
    void skip(ProfileRef ref, String reason);

    /** Gives a claimed entry back unchanged, to be claimed again no earlier than {@code notBefore} (host paused, circuit open). */
    void defer(ProfileRef ref, Instant notBefore);

    /** Entries per state. */
    Map<EntryState, Long> counts();

    /**
     * The number of {@link EntryState#PENDING} entries if it is below {@code limit}, else {@code limit}: what a worker
     * sizing its next claim needs to know, which a database answers without counting every entry as
     * {@link #counts()} must.
     */
    default long pendingUpTo(long limit) {
        return Math.min(limit, counts().getOrDefault(EntryState.PENDING, 0L));
    }

    /** A profile found by seeds or discovery. {@code depth} 0 = seed; {@code via} says how it was found (for reports). */
    record Discovered(ProfileRef ref, int depth, String via) {
    }

    /** A claimed entry. */
    record Lease(ProfileRef ref, int depth, int attempts, Instant leaseUntil) {
    }

    /** Lifecycle of a frontier entry. */
    enum EntryState {
        PENDING,
        IN_FLIGHT,
        DONE,
        FAILED,
        SKIPPED
    }
}
