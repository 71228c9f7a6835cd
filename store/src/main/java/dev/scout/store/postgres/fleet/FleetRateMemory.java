package dev.scout.store.postgres.fleet;

import dev.scout.crawler.http.RateMemory;
import dev.scout.crawler.http.RememberedRate;

import java.util.Optional;

/**
 * The fleet's {@link RateMemory}: a host's learned rate is kept on its lease row, so the worker that takes the host
 * over — after the owner released it or its lease expired — starts from it. Recalls answer from the lease this worker
 * holds (the row as it was when the lease was taken or last renewed: no database round trip on the sending path);
 * reports are written under the lease's fencing token, so a worker that lost the host cannot overwrite what its new
 * owner learned. Thread-safe.
 */
public final class FleetRateMemory implements RateMemory {
    private final LeaseKeeper keeper;

    public FleetRateMemory(LeaseKeeper keeper) {
        this.keeper = keeper;
    }

    /** The rate stored with {@code host} when this worker took (or last renewed) its lease; empty when not held. */
    @Override
    public Optional<RememberedRate> recall(String host) {
        return keeper.current(host).flatMap(HostLease::learnedLimit)
                .map(l -> new RememberedRate(l.requestsPerSecond(), l.learnedAt()));
    }

    /**
     * Stores {@code rate} with {@code host} while this worker holds it; dropped when it no longer does (the new owner
     * learns its own).
     *
     * @throws FleetException when the database cannot be reached (the fetcher counts it and carries on)
     */
    @Override
    public void remember(String host, RememberedRate rate) {
        keeper.saveLearnedLimit(host, new LearnedLimit(rate.requestsPerSecond(), rate.learnedAt()));
    }
}
