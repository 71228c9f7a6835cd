package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The store's frontier as one fleet worker sees it. Offers record each entry's host (the crawler's host key for the
 * profile); claims first take leases on free hosts with due work (up to {@code maxHosts}), then claim only entries
 * of hosts this worker leases ({@link LeasedClaims}); {@link #counts()} reports only the work open to this worker,
 * so its crawl engine ends when what is left is held by others. State transitions go to the store's frontier
 * unchanged. Thread-safe.
 */
public final class FleetFrontier implements Frontier {
    private final Frontier store;
    private final LeasedClaims claims;
    private final LeaseKeeper keeper;
    private final Function<ProfileRef, String> hostOf;
    private final int maxHosts;
    private final Clock clock;

    /**
     * @param store    the PostgreSQL store's own frontier, which keeps every state transition
     * @param hostOf   the host a profile's requests go to ({@code PlatformClient.hostKey})
     * @param maxHosts how many hosts this worker leases at most at a time
     */
    public FleetFrontier(Frontier store, LeasedClaims claims, LeaseKeeper keeper, Function<ProfileRef, String> hostOf,
                         int maxHosts, Clock clock) {
        if (maxHosts < 1) {
            throw new IllegalArgumentException("a worker must lease at least one host, got maxHosts " + maxHosts);
        }
        this.store = store;
        this.claims = claims;
        this.keeper = keeper;
        this.hostOf = hostOf;
        this.maxHosts = maxHosts;
        this.clock = clock;
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

    @Override
    public List<Lease> claim(String thread, int max, Instant now, Duration leaseFor) {
        assignMissingHosts(); // entries whose offering worker died before it named their host
        claims.idleHosts(keeper.worker(), now).forEach(keeper::release);
        if (keeper.heldHosts().size() < maxHosts) {
            keeper.acquireUpTo(claims.hostsWithWork(keeper.worker(), maxHosts * 2, now), maxHosts);
        }
        return claims.claim(keeper.worker(), keeper.worker() + "/" + thread, max, now, leaseFor);
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
