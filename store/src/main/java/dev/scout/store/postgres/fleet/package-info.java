/**
 * The fleet: many {@code scout worker} processes, on any machines, sharing one PostgreSQL store.
 *
 * <p>Politeness stays per host as on one machine, because a host's requests are sent by one worker at a time: the
 * worker holding the host's lease ({@link dev.scout.store.postgres.fleet.HostLeases}). A lease has an expiry, is
 * renewed while in use ({@link dev.scout.store.postgres.fleet.LeaseKeeper}) and is taken over by another worker
 * once it expires; every acquisition draws a larger fencing token, and a request leaves only after an atomic check
 * that the worker still holds the host under its token ({@link dev.scout.store.postgres.fleet.FleetHostPermit}).
 * Frontier entries are claimed only for hosts the worker leases, with {@code FOR UPDATE SKIP LOCKED}
 * ({@link dev.scout.store.postgres.fleet.LeasedClaims}). The tables are created by
 * {@code db/postgresql/V50__fleet.sql}.
 */
package dev.scout.store.postgres.fleet;
