package dev.scout.store.postgres.fleet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Host leases on PostgreSQL ({@code fleet_host_leases}): one row per host naming the worker that may send to it,
 * until when, under which fencing token. Every statement is a single row update, so concurrent workers serialise on
 * the row lock: two workers can never both acquire a host, and a takeover can never slip between a
 * {@link #checkAndCount fencing check} and the count it makes.
 *
 * <p>Times come from the caller's clock (workers' clocks are assumed NTP-synchronised; the lease length is tens of
 * seconds and the fencing check keeps a safety margin, see {@link #checkAndCount}). Thread-safe.
 */
public final class HostLeases {
    private static final String ACQUIRE = """
            INSERT INTO fleet_host_leases AS l (host, owner, token, lease_until, acquired_at)
            VALUES (?, ?, nextval('fleet_lease_token'), ?, ?)
            ON CONFLICT (host) DO UPDATE
               SET owner = EXCLUDED.owner, token = EXCLUDED.token, lease_until = EXCLUDED.lease_until,
                   acquired_at = EXCLUDED.acquired_at,
                   takeovers = l.takeovers + CASE WHEN l.owner IS NULL THEN 0 ELSE 1 END
             WHERE l.owner IS NULL OR l.lease_until <= ?
            RETURNING host, owner, token, lease_until, learned_rps, learned_at""";
    private static final String RENEW = """
            UPDATE fleet_host_leases SET lease_until = ?
             WHERE host = ? AND owner = ? AND token = ?
            RETURNING host, owner, token, lease_until, learned_rps, learned_at""";
    private static final String RELEASE = """
            UPDATE fleet_host_leases SET owner = NULL, lease_until = ?
             WHERE host = ? AND owner = ? AND token = ?""";
    private static final String CHECK_AND_COUNT = """
            UPDATE fleet_host_leases SET requests_sent = requests_sent + 1
             WHERE host = ? AND owner = ? AND token = ? AND lease_until > ?""";
    private static final String SAVE_LIMIT = """
            UPDATE fleet_host_leases SET learned_rps = ?, learned_at = ?
             WHERE host = ? AND owner = ? AND token = ?""";

    private final FleetDatabase db;

    public HostLeases(FleetDatabase db) {
        this.db = db;
    }

    /**
     * Takes {@code host} for {@code worker} until {@code now + leaseFor} when nobody holds it or its lease expired at
     * {@code now} (a takeover); empty when another worker holds a live lease. A taken lease carries a new, larger
     * token, and the learned limit stored with the host. In the same transaction the host's entries left in flight
     * by other workers come with it ({@link LeasedClaims#takeOverEntries}): no other worker can send to the host now.
     */
    public Optional<HostLease> acquire(String worker, String host, Instant now, Duration leaseFor) {
        return db.inTransaction("acquire the lease on " + host + " for " + worker, c -> {
            Optional<HostLease> taken;
            try (PreparedStatement ps = c.prepareStatement(ACQUIRE)) {
                ps.setString(1, host);
                ps.setString(2, worker);
                ps.setObject(3, ts(now.plus(leaseFor)));
                ps.setObject(4, ts(now));
                ps.setObject(5, ts(now));
                taken = one(ps);
            }
            if (taken.isPresent()) {
                LeasedClaims.takeOverEntries(c, worker, host, now);
            }
            return taken;
        });
    }

    /**
     * Extends a lease to {@code now + leaseFor} if {@code lease} is still the host's current lease (same owner and
     * token); empty when another worker took the host over, in which case the caller must stop sending to it.
     */
    public Optional<HostLease> renew(HostLease lease, Instant now, Duration leaseFor) {
        return db.call("renew the lease on " + lease.host(), c -> {
            try (PreparedStatement ps = c.prepareStatement(RENEW)) {
                ps.setObject(1, ts(now.plus(leaseFor)));
                ps.setString(2, lease.host());
                ps.setString(3, lease.owner());
                ps.setLong(4, lease.token());
                return one(ps);
            }
        });
    }

    /** Gives the host up at once (learned limits stay with it); false when the lease was no longer this one. */
    public boolean release(HostLease lease, Instant now) {
        return db.call("release the lease on " + lease.host(), c -> {
            try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
                ps.setObject(1, ts(now));
                ps.setString(2, lease.host());
                ps.setString(3, lease.owner());
                ps.setLong(4, lease.token());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * The fencing check, made right before a request leaves: true, and the request counted against the host, only
     * when {@code worker} still holds {@code host} under {@code token} and the lease runs at least until
     * {@code notBefore} (now plus a margin longer than a request takes to leave, so that no takeover can happen
     * between this check and the send). One atomic statement.
     */
    public boolean checkAndCount(String worker, String host, long token, Instant notBefore) {
        return db.call("check the lease on " + host, c -> {
            try (PreparedStatement ps = c.prepareStatement(CHECK_AND_COUNT)) {
                ps.setString(1, host);
                ps.setString(2, worker);
                ps.setLong(3, token);
                ps.setObject(4, ts(notBefore));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Stores what the owner learned of the host's rate limit; false (nothing stored) when the lease was lost. */
    public boolean saveLearnedLimit(HostLease lease, LearnedLimit limit) {
        return db.call("save the learned limit of " + lease.host(), c -> {
            try (PreparedStatement ps = c.prepareStatement(SAVE_LIMIT)) {
                ps.setDouble(1, limit.requestsPerSecond());
                ps.setObject(2, ts(limit.learnedAt()));
                ps.setString(3, lease.host());
                ps.setString(4, lease.owner());
                ps.setLong(5, lease.token());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The learned limit stored with {@code host}, whoever holds it; empty when none was learned yet. */
    public Optional<LearnedLimit> learnedLimit(String host) {
        return db.call("read the learned limit of " + host, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT learned_rps, learned_at FROM fleet_host_leases WHERE host = ?")) {
                ps.setString(1, host);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? limit(rs) : Optional.<LearnedLimit>empty();
                }
            }
        });
    }

    /** Every host row: who holds it (empty when released), token, expiry, takeovers and requests counted. */
    public List<HostLeaseRow> all() {
        return db.call("list the host leases", c -> {
            List<HostLeaseRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT host, owner, token, lease_until, takeovers,"
                    + " requests_sent, learned_rps, learned_at FROM fleet_host_leases ORDER BY host");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HostLeaseRow(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getLong(3),
                            instant(rs, 4), rs.getLong(5), rs.getLong(6), limitAt(rs, 7)));
                }
            }
            return rows;
        });
    }

    /** One row of {@link #all()}. */
    public record HostLeaseRow(String host, Optional<String> owner, long token, Instant leaseUntil, long takeovers,
                               long requestsSent, Optional<LearnedLimit> learnedLimit) {
        /** True when a worker holds the host at {@code now}. */
        public boolean heldAt(Instant now) {
            return owner.isPresent() && leaseUntil.isAfter(now);
        }
    }

    private static Optional<HostLease> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new HostLease(rs.getString(1), rs.getString(2), rs.getLong(3),
                    instant(rs, 4), limitAt(rs, 5)));
        }
    }

    private static Optional<LearnedLimit> limit(ResultSet rs) throws SQLException {
        return limitAt(rs, 1);
    }

    private static Optional<LearnedLimit> limitAt(ResultSet rs, int column) throws SQLException {
        double rps = rs.getDouble(column);
        if (rs.wasNull()) {
            return Optional.empty();
        }
        return Optional.of(new LearnedLimit(rps, instant(rs, column + 1)));
    }

    /** A {@code timestamptz} parameter: pgjdbc maps {@link OffsetDateTime} exactly, whatever the JVM's zone. */
    static OffsetDateTime ts(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
