package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.scout.store.postgres.fleet.HostLeases.instant;
import static dev.scout.store.postgres.fleet.HostLeases.ts;

/**
 * Frontier claims for a fleet worker: only entries whose host the worker leases now, pending and due or whose
 * entry lease expired (a killed worker's), marked in flight in one statement. {@code FOR UPDATE SKIP LOCKED} lets
 * workers claim at the same moment without waiting on each other's rows or ever claiming the same entry twice.
 * Thread-safe.
 */
public final class LeasedClaims {
    private static final String CLAIM = """
            WITH c AS (
              SELECT f.ref_id FROM frontier f
                JOIN fleet_host_leases l ON l.host = f.host
               WHERE l.owner = ? AND l.lease_until > ?
                 AND ((f.state = 'pending' AND f.next_fetch_at <= ?) OR (f.state = 'in_flight' AND f.lease_until <= ?))
               ORDER BY f.depth, f.next_fetch_at
               LIMIT ?
               FOR UPDATE OF f SKIP LOCKED)
            UPDATE frontier f SET state = 'in_flight', claimed_by = ?, lease_until = ?, attempts = f.attempts + 1,
                   updated_at = ?
              FROM c WHERE f.ref_id = c.ref_id
            RETURNING f.ref_id, f.depth, f.attempts, f.lease_until""";
    private static final String HOSTS_WITH_WORK = """
            SELECT f.host FROM frontier f
              LEFT JOIN fleet_host_leases l ON l.host = f.host
             WHERE ((f.state = 'pending' AND f.next_fetch_at <= ?) OR (f.state = 'in_flight' AND f.lease_until <= ?))
               AND (l.host IS NULL OR l.owner IS NULL OR l.lease_until <= ? OR l.owner = ?)
             GROUP BY f.host
             ORDER BY min(f.depth), count(*) DESC, f.host
             LIMIT ?""";

    private final FleetDatabase db;

    public LeasedClaims(FleetDatabase db) {
        this.db = db;
    }

    /**
     * Claims up to {@code max} due entries of hosts {@code worker} leases at {@code now}, in flight until
     * {@code now + leaseFor}; each claim counts an attempt, as on one machine.
     */
    public List<Frontier.Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
        return db.call("claim frontier entries for " + worker, c -> {
            List<Frontier.Lease> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
                ps.setString(1, worker);
                ps.setObject(2, ts(now));
                ps.setObject(3, ts(now));
                ps.setObject(4, ts(now));
                ps.setInt(5, max);
                ps.setString(6, worker);
                ps.setObject(7, ts(now.plus(leaseFor)));
                ps.setObject(8, ts(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Frontier.Lease(ProfileRef.parseId(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                                instant(rs, 4)));
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
                ps.setObject(1, ts(now));
                ps.setObject(2, ts(now));
                ps.setObject(3, ts(now));
                ps.setString(4, worker);
                ps.setInt(5, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hosts.add(rs.getString(1));
                    }
                }
            }
            return hosts;
        });
    }
}
