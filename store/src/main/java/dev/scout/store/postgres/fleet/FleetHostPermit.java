package dev.scout.store.postgres.fleet;

import dev.scout.crawler.http.HostPermit;

import java.time.Clock;

/**
 * The fleet's answer to "may I send to this host now?": only when this worker holds the host's lease (taking it if
 * it is free or expired), the lease's local deadline has not passed, and the database confirms in one atomic
 * statement that the lease is still this worker's, under the same fencing token, for at least the safety margin.
 * Each granted request is counted on the host's row. Never throws: a database it cannot reach refuses the request.
 * Thread-safe.
 */
public final class FleetHostPermit implements HostPermit {
    private final LeaseKeeper keeper;
    private final HostLeases leases;
    private final Clock clock;

    public FleetHostPermit(LeaseKeeper keeper, HostLeases leases, Clock clock) {
        this.keeper = keeper;
        this.leases = leases;
        this.clock = clock;
    }

    /**
     * Whether this worker holds {@code host} (taking it if free) by its local lease deadline, without the fencing
     * round trip: the request is only queued here, and {@link #mayISend} checks and counts it before it leaves. (Both
     * used to check and count, which cost a second statement per request and counted every request twice.)
     */
    @Override
    public Decision mayQueue(String host) {
        try {
            return keeper.ensure(host).<Decision>map(lease -> new Decision.Granted(lease.token()))
                    .orElseGet(() -> new Decision.Refused(host + " is leased by another worker; its owner crawls it"));
        } catch (FleetException e) {
            return new Decision.Refused("cannot confirm the lease on " + host + ": " + e.getMessage());
        }
    }

    @Override
    public Decision mayISend(String host) {
        try {
            var lease = keeper.ensure(host);
            if (lease.isEmpty()) {
                return new Decision.Refused(host + " is leased by another worker; its owner crawls it");
            }
            long token = lease.get().token();
            if (leases.checkAndCount(keeper.worker(), host, token, clock.instant().plus(keeper.margin()))) {
                // The row runs at least the margin past now, so the request may leave within the margin; a process
                // paused longer (past a takeover, perhaps) finds the grant lapsed when it wakes and sends nothing.
                return new Decision.Granted(token, keeper.margin());
            }
            keeper.drop(host);
            return new Decision.Refused("the lease of " + keeper.worker() + " on " + host + " (token " + token
                    + ") was taken over or runs out; its new owner crawls it");
        } catch (FleetException e) {
            return new Decision.Refused("cannot confirm the lease on " + host + ": " + e.getMessage());
        }
    }
}
