package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.scout.store.postgres.fleet.HostLeases.ts;

/**
 * Frontier claims for a fleet worker: only entries whose host the worker leases now, pending and due, or in flight
 * under an entry lease that ran out, marked in flight in one statement. {@code FOR UPDATE SKIP LOCKED} lets workers
 * claim at the same moment without waiting on each other's rows or ever claiming the same entry twice. Entries a
 * killed or paused worker had in flight come back when their host is taken over ({@link #takeOverEntries}, run by
 * {@link HostLeases#acquire}), after the host lease of seconds rather than the crawl's entry lease of minutes.
 * The frontier's times are epoch milliseconds (as the store keeps them); the leases' are {@code timestamptz}.
 * Thread-safe.
 */
public final class LeasedClaims {
    /**
     * Per held host, its first due pending entries through the partial index {@code frontier_pending_by_host} (a
     * plan that stays a few index reads however large the frontier), plus entries whose entry lease ran out; then
     * the best of those in frontier order. Entries another worker left in flight come back as pending when the host is
     * taken ({@link #takeOverEntries}), so the claim never walks this worker's own in-flight entries to find them.
     */
    private static final String CLAIM = """
            WITH mine AS (
              SELECT host FROM fleet_host_leases WHERE owner = ? AND lease_until > ?),
            c AS (
              SELECT w.ref_id FROM (
                SELECT p.ref_id, p.depth, p.next_fetch_at FROM mine m CROSS JOIN LATERAL (
                  SELECT f.ref_id, f.depth, f.next_fetch_at FROM frontier f
                   WHERE f.host = m.host AND f.state = 'pending' AND f.next_fetch_at <= ?
                   ORDER BY f.depth, f.next_fetch_at
                   LIMIT ?
                   FOR UPDATE OF f SKIP LOCKED) p
                UNION ALL
                SELECT x.ref_id, x.depth, x.next_fetch_at FROM mine m CROSS JOIN LATERAL (
                  SELECT f.ref_id, f.depth, f.next_fetch_at FROM frontier f
                   WHERE f.state = 'in_flight' AND f.lease_until <= ? AND f.host = m.host
                   LIMIT ?
                   FOR UPDATE OF f SKIP LOCKED) x) w
               ORDER BY w.depth, w.next_fetch_at
               LIMIT ?)
            UPDATE frontier f SET state = 'in_flight', claimed_by = ?, lease_until = ?, attempts = f.attempts + 1,
                   updated_at = ?
              FROM c WHERE f.ref_id = c.ref_id
            RETURNING f.ref_id, f.depth, f.attempts, f.lease_until""";
    /** The entries of a host just taken that were stored but not marked done (see {@link #takeOverEntries}). */
    private static final String SETTLE_STORED = """
            UPDATE frontier f SET state = 'done', reason = NULL, claimed_by = NULL, lease_until = NULL, updated_at = ?
             WHERE f.host = ? AND f.state = 'in_flight' AND f.claimed_by NOT LIKE ?
               AND EXISTS (SELECT 1 FROM snapshots s WHERE s.ref_id = f.ref_id AND s.crawled_at >= f.updated_at)""";
    /** The other entries of a host just taken that another worker had in flight: pending again, attempts kept. */
    private static final String RETURN_IN_FLIGHT = """
            UPDATE frontier f SET state = 'pending', claimed_by = NULL, lease_until = NULL, updated_at = ?
             WHERE f.host = ? AND f.state = 'in_flight' AND f.claimed_by NOT LIKE ?""";
    private static final String HOSTS_WITH_WORK = """
            SELECT f.host FROM frontier f
              LEFT JOIN fleet_host_leases l ON l.host = f.host
             WHERE f.host IS NOT NULL
               AND ((f.state = 'pending' AND f.next_fetch_at <= ?)
                    OR (f.state = 'in_flight' AND (f.lease_until <= ? OR l.owner IS NULL OR l.lease_until <= ?
                                                   OR f.claimed_by NOT LIKE ?)))
               AND (l.host IS NULL OR l.owner IS NULL OR l.lease_until <= ? OR l.owner = ?)
             GROUP BY f.host
             ORDER BY min(f.depth), count(*) DESC, f.host
             LIMIT ?""";

    private final FleetDatabase db;

    public LeasedClaims(FleetDatabase db) {
        this.db = db;
    }

    /**
     * Claims up to {@code max} due entries of hosts {@code worker} leases at {@code now}, in flight for
     * {@code claimedBy} (the worker and its thread) until {@code now + leaseFor}; each claim counts an attempt, as on
     * one machine.
     *
     * @throws IllegalArgumentException when {@code claimedBy} is not {@code worker/thread}
     */
    public List<Frontier.Lease> claim(String worker, String claimedBy, int max, Instant now, Duration leaseFor) {
        if (!claimedBy.startsWith(worker + "/")) {
            // The claim's worker part is how other workers tell whose entries are in flight (see the class comment).
            throw new IllegalArgumentException("claimedBy must be the worker and a thread, '" + worker
                    + "/THREAD', got '" + claimedBy + "'");
        }
        return db.call("claim frontier entries for " + claimedBy, c -> {
            List<Frontier.Lease> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, worker);
                ps.setObject(2, ts(now));
                ps.setLong(3, now.toEpochMilli());
                ps.setInt(4, max);
                ps.setLong(5, now.toEpochMilli());
                ps.setInt(6, max);
                ps.setInt(7, max);
                ps.setString(8, claimedBy);
                ps.setLong(9, now.plus(leaseFor).toEpochMilli());
                ps.setLong(10, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Frontier.Lease(ProfileRef.parseId(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                                Instant.ofEpochMilli(rs.getLong(4))));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Up to {@code max} hosts with due work that nobody else holds a live lease on (free, expired, or already
     * {@code worker}'s): where a worker looking for more hosts should try {@link LeaseKeeper#acquireUpTo}.
     */
    public List<String> hostsWithWork(String worker, int max, Instant now) {
        return db.call("find hosts with work for " + worker, c -> {
            List<String> hosts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(HOSTS_WITH_WORK)) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.setObject(3, ts(now));
                ps.setString(4, claimPrefix(worker));
                ps.setObject(5, ts(now));
                ps.setString(6, worker);
                ps.setInt(7, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hosts.add(rs.getString(1));
                    }
                }
            }
            return hosts;
        });
    }

    /**
     * What this worker could still do: pending entries and in-flight ones on hosts that are free, expired or its own
     * (an in-flight entry there is its own, or one whose claimant no longer holds the host). A crawl engine sizing
     * its work on these ends when the rest is held by others.
     */
    public Claimable claimable(String worker, Instant now) {
        return db.call("count the work open to " + worker, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE f.state = 'pending'),
                           count(*) FILTER (WHERE f.state = 'in_flight')
                      FROM frontier f LEFT JOIN fleet_host_leases l ON l.host = f.host
                     WHERE f.state IN ('pending', 'in_flight')
                       AND (l.host IS NULL OR l.owner IS NULL OR l.lease_until <= ? OR l.owner = ?)""")) {
                ps.setObject(1, ts(now));
                ps.setString(2, worker);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Claimable(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    /** Pending and in-flight entries open to one worker (see {@link #claimable}). */
    public record Claimable(long pending, long inFlight) {
    }

    /**
     * Work left in the whole run at {@code now}, whoever holds it: entries in flight (live or expired leases) plus
     * pending entries already due. Pending entries due later wait for a later run, as on one machine.
     */
    public long remaining(Instant now) {
        return db.call("count the work left in the run", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM frontier WHERE state = 'in_flight'"
                    + " OR (state = 'pending' AND next_fetch_at <= ?)")) {
                ps.setLong(1, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Entries that have no host yet (offered outside the fleet), at most {@code max}. */
    public List<String> withoutHost(int max) {
        return db.call("find frontier entries without a host", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ref_id FROM frontier WHERE host IS NULL LIMIT ?")) {
                ps.setInt(1, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
    }

    /**
     * Records the host of each entry (ref id to host) that has none yet. The batch is one transaction (the driver
     * sends it with one sync) and locks its rows as it goes, so every worker updates them in ref id order: two
     * workers giving hosts to the same entries in their own orders (one offering what it discovered, another
     * adopting entries it found without a host) deadlocked, and PostgreSQL failed one of them.
     */
    public void assignHosts(java.util.Map<String, String> hostByRefId) {
        if (hostByRefId.isEmpty()) {
            return;
        }
        db.call("record the hosts of " + hostByRefId.size() + " frontier entries", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE frontier SET host = ? WHERE ref_id = ? AND host IS NULL")) {
                for (var e : new java.util.TreeMap<>(hostByRefId).entrySet()) {
                    ps.setString(1, e.getValue());
                    ps.setString(2, e.getKey());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    /**
     * Hosts {@code worker} leases that have nothing left to do at {@code now}: no entry pending and due, none in
     * flight. A worker gives these back so that its host budget goes to hosts that still have work.
     */
    public List<String> idleHosts(String worker, Instant now) {
        return db.call("find the idle hosts of " + worker, c -> {
            List<String> hosts = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT l.host FROM fleet_host_leases l
                     WHERE l.owner = ? AND NOT EXISTS (
                           SELECT 1 FROM frontier f WHERE f.host = l.host
                              AND (f.state = 'in_flight' OR (f.state = 'pending' AND f.next_fetch_at <= ?)))""")) {
                ps.setString(1, worker);
                ps.setLong(2, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hosts.add(rs.getString(1));
                    }
                }
            }
            return hosts;
        });
    }

    /**
     * What taking {@code host} does to its frontier entries that another worker left in flight, on the connection
     * (and in the transaction) that took the lease: those with a snapshot stored since they were claimed are marked
     * done, the rest become pending again (their attempt counted), so the new owner claims them at once rather than
     * after their entry lease. The store writes behind, so a worker killed between committing a profile's snapshot
     * and committing its entry's completion leaves exactly such an entry: without the first step, the new owner
     * would crawl and store the profile again. Returns how many entries came back as pending.
     */
    static int takeOverEntries(Connection c, String worker, String host, Instant now) throws SQLException {
        String others = claimPrefix(worker);
        try (PreparedStatement settle = c.prepareStatement(SETTLE_STORED);
             PreparedStatement back = c.prepareStatement(RETURN_IN_FLIGHT)) {
            settle.setLong(1, now.toEpochMilli());
            settle.setString(2, host);
            settle.setString(3, others);
            settle.executeUpdate();
            back.setLong(1, now.toEpochMilli());
            back.setString(2, host);
            back.setString(3, others);
            return back.executeUpdate();
        }
    }

    /** True while {@code ref} is in flight under a claim of {@code worker} (any of its threads). */
    public boolean isMine(String worker, String refId) {
        return db.call("check the claim on " + refId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM frontier WHERE ref_id = ?"
                    + " AND state = 'in_flight' AND claimed_by LIKE ?")) {
                ps.setString(1, refId);
                ps.setString(2, claimPrefix(worker));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /**
     * Gives a claimed entry back, pending from {@code notBefore} (its attempt uncounted), only while it is still
     * {@code worker}'s claim: a worker whose entry lease ran out must not make another worker's entry pending again.
     */
    public boolean deferIfMine(String worker, String refId, Instant notBefore, Instant now) {
        return db.call("give back " + refId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE frontier SET state = 'pending', claimed_by = NULL,"
                    + " lease_until = NULL, next_fetch_at = ?, attempts = GREATEST(attempts - 1, 0), updated_at = ?"
                    + " WHERE ref_id = ? AND state = 'in_flight' AND claimed_by LIKE ?")) {
                ps.setLong(1, notBefore.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, refId);
                ps.setString(4, claimPrefix(worker));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The LIKE pattern of every claim of {@code worker}'s threads ({@code worker/thread}). */
    static String claimPrefix(String worker) {
        return worker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "/%";
    }
}
