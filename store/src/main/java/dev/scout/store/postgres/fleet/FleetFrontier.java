package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The store's frontier as one fleet worker sees it. Offers record each entry's host (the crawler's host key for the
 * profile); claims take only entries of hosts this worker leases ({@link LeasedClaims}), and take leases on free
 * hosts with due work (up to {@code maxHosts}) when the held ones run out of work; {@link #counts()} reports only
 * the work open to this worker, so its crawl engine ends when what is left is held by others. State transitions go
 * to the store's frontier unchanged. Thread-safe.
 */
public final class FleetFrontier implements Frontier {
    /** How often a worker whose claims come back full checks for finished hosts to swap for free ones. */
    static final Duration HOST_CHECK = Duration.ofMillis(250);
    /** How often a worker looks for entries offered without a host (rare: their offering worker died). */
    static final Duration ORPHAN_PAUSE = Duration.ofSeconds(5);
    private final Frontier store;
    private final LeasedClaims claims;
    private final LeaseKeeper keeper;
    private final Function<ProfileRef, String> hostOf;
    private final int maxHosts;
    private final Clock clock;
    private final Runnable flush;
    /** Held by the one thread that looks after this worker's hosts (see {@link #lookAfterHosts}). */
    private final ReentrantLock hostsLock = new ReentrantLock();
    /** When a worker whose claims come back full next checks its hosts (one may be finished while another is not). */
    private volatile Instant nextHostCheck = Instant.MIN;
    /** Not before this are entries without a host looked for again. */
    private volatile Instant nextOrphanSearch = Instant.MIN;

    /**
     * @param store    the PostgreSQL store's own frontier, which keeps every state transition
     * @param hostOf   the host a profile's requests go to ({@code PlatformClient.hostKey})
     * @param maxHosts how many hosts this worker leases at most at a time
     * @param flush    commits the transitions {@code store} has queued (a write-behind store); run before this worker
     *                 judges which of its hosts are finished, so that its own last completions count
     */
    public FleetFrontier(Frontier store, LeasedClaims claims, LeaseKeeper keeper, Function<ProfileRef, String> hostOf,
                         int maxHosts, Clock clock, Runnable flush) {
        if (maxHosts < 1) {
            throw new IllegalArgumentException("a worker must lease at least one host, got maxHosts " + maxHosts);
        }
        this.store = store;
        this.claims = claims;
        this.keeper = keeper;
        this.hostOf = hostOf;
        this.maxHosts = maxHosts;
        this.clock = clock;
        this.flush = flush;
    }

    /** Over a store frontier that writes each transition at once (nothing to flush). */
    public FleetFrontier(Frontier store, LeasedClaims claims, LeaseKeeper keeper, Function<ProfileRef, String> hostOf,
                         int maxHosts, Clock clock) {
        this(store, claims, keeper, hostOf, maxHosts, clock, () -> { });
    }

    @Override
    public int offer(Collection<Discovered> discovered) {
        int added = store.offer(discovered);
        Map<String, String> hosts = new LinkedHashMap<>();
        for (Discovered d : discovered) {
            hosts.put(d.ref().id(), hostOf.apply(d.ref()));
        }
        claims.assignHosts(hosts);
        return added;
    }

    /** Gives a host to entries offered outside the fleet (before the first worker started); returns how many. */
    public int assignMissingHosts() {
        int total = 0;
        for (List<String> ids; !(ids = claims.withoutHost(1_000)).isEmpty(); ) {
            Map<String, String> hosts = new LinkedHashMap<>();
            ids.forEach(id -> hosts.put(id, hostOf.apply(ProfileRef.parseId(id))));
            claims.assignHosts(hosts);
            total += ids.size();
        }
        return total;
    }

    /**
     * Claims entries of held hosts in one statement. When that comes back short, and otherwise every
     * {@link #HOST_CHECK}, the worker looks after its hosts: it gives back the ones with nothing left, takes free ones
     * with due work up to {@code maxHosts} and, when it gained one, claims again. (Doing that before every claim cost
     * three more statements per profile, most of them for nothing.) An empty claim always looks, so empty still means
     * nothing is claimable now (the crawl engine then waits for an event); entries without a host (their offering
     * worker died in between) are otherwise looked for at most every {@link #ORPHAN_PAUSE}.
     */
    @Override
    public List<Lease> claim(String thread, int max, Instant now, Duration leaseFor) {
        String claimedBy = keeper.worker() + "/" + thread;
        List<Lease> claimed = keeper.heldHosts().isEmpty() ? List.of()
                : claims.claim(keeper.worker(), claimedBy, max, now, leaseFor);
        if (claimed.size() >= max && now.isBefore(nextHostCheck)) {
            return claimed;
        }
        if (!lookAfterHosts(now, claimed.isEmpty()) || claimed.size() >= max) {
            return claimed;
        }
        List<Lease> more = claims.claim(keeper.worker(), claimedBy, max - claimed.size(), now, leaseFor);
        if (claimed.isEmpty()) {
            return more;
        }
        List<Lease> all = new ArrayList<>(claimed);
        all.addAll(more);
        return all;
    }

    /**
     * Releases idle hosts and takes free ones up to the budget; true when this worker holds a host it did not. One
     * thread at a time: two crawl threads deciding at once each saw room for more hosts and together leased more
     * than {@code maxHosts}, starving another worker of its share. A thread that claimed something goes on with it
     * when another thread is at it; one that claimed nothing waits for its turn ({@code mustLook}).
     */
    private boolean lookAfterHosts(Instant now, boolean mustLook) {
        if (mustLook) {
            hostsLock.lock();
        } else if (!hostsLock.tryLock()) {
            return false;
        }
        try {
            return lookAfterHostsLocked(now, mustLook);
        } finally {
            hostsLock.unlock();
        }
    }

    private boolean lookAfterHostsLocked(Instant now, boolean mustLook) {
        nextHostCheck = now.plus(HOST_CHECK);
        if (mustLook || !now.isBefore(nextOrphanSearch)) {
            nextOrphanSearch = now.plus(ORPHAN_PAUSE);
            assignMissingHosts();
        }
        if (mustLook) {
            // The store writes behind: without this, the completions of a host's last entries may still be queued,
            // the host looks busy, and a worker with nothing else to do waited for an event that never came (the
            // crawl engine's stall deadline, minutes).
            flush.run();
        }
        claims.idleHosts(keeper.worker(), now).forEach(keeper::release);
        List<String> before = keeper.heldHosts();
        if (before.size() >= maxHosts) {
            return false;
        }
        List<String> after = keeper.acquireUpTo(claims.hostsWithWork(keeper.worker(), maxHosts * 2, now), maxHosts);
        return !before.containsAll(after);
    }

    /**
     * Transitions apply only while the entry is still this worker's claim: a worker that was paused past its entry
     * lease must not settle (or make pending again) an entry another worker has taken since. The check and the
     * store's transition are two statements; another worker can claim the entry between them only after its entry
     * lease (twice the host lease by default) ran out during that instant.
     */
    @Override
    public void complete(ProfileRef ref) {
        if (claims.isMine(keeper.worker(), ref.id())) {
            store.complete(ref);
        }
    }

    @Override
    public void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
        if (claims.isMine(keeper.worker(), ref.id())) {
            store.fail(ref, reason, retryAt);
        }
    }

    @Override
    public void skip(ProfileRef ref, String reason) {
        if (claims.isMine(keeper.worker(), ref.id())) {
            store.skip(ref, reason);
        }
    }

    /** Gives the entry back in one fenced statement (see {@link LeasedClaims#deferIfMine}). */
    @Override
    public void defer(ProfileRef ref, Instant notBefore) {
        claims.deferIfMine(keeper.worker(), ref.id(), notBefore, clock.instant());
    }

    /** Finished states over the whole run; pending and in flight only as far as this worker could take them. */
    @Override
    public Map<EntryState, Long> counts() {
        Map<EntryState, Long> all = new EnumMap<>(store.counts());
        LeasedClaims.Claimable open = claims.claimable(keeper.worker(), clock.instant());
        all.put(EntryState.PENDING, open.pending());
        all.put(EntryState.IN_FLIGHT, open.inFlight());
        return all;
    }

    @Override
    public long pendingUpTo(long limit) {
        return Math.min(limit, claims.claimable(keeper.worker(), clock.instant()).pending());
    }
}
