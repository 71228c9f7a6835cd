package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stand-in for the PostgreSQL store's own frontier (offer and state transitions on the {@code frontier} table,
 * auto-commit), until that store runs in these tests. {@link #claim} is not used through {@link FleetFrontier}.
 */
final class SqlTestFrontier implements Frontier {
    private final DataSource ds;
    private final Clock clock;

    SqlTestFrontier(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Override
    public int offer(Collection<Discovered> discovered) {
        return update("INSERT INTO frontier (ref_id, platform, state, depth, via, next_fetch_at, updated_at)"
                + " VALUES (?, ?, 'pending', ?, ?, 0, ?) ON CONFLICT (ref_id) DO NOTHING", ps -> {
            int n = 0;
            for (Discovered d : discovered) {
                ps.setString(1, d.ref().id());
                ps.setString(2, d.ref().platform().key());
                ps.setInt(3, d.depth());
                ps.setString(4, d.via());
                ps.setLong(5, clock.millis());
                n += ps.executeUpdate();
            }
            return n;
        });
    }

    @Override
    public List<Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
        throw new UnsupportedOperationException("claims go through LeasedClaims");
    }

    @Override
    public void complete(ProfileRef ref) {
        state(ref, "done", null);
    }

    @Override
    public void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
        if (retryAt.isEmpty()) {
            state(ref, "failed", reason);
            return;
        }
        update("UPDATE frontier SET state = 'pending', reason = ?, claimed_by = NULL, lease_until = NULL,"
                + " next_fetch_at = ?, updated_at = ? WHERE ref_id = ?", ps -> {
            ps.setString(1, reason);
            ps.setLong(2, retryAt.get().toEpochMilli());
            ps.setLong(3, clock.millis());
            ps.setString(4, ref.id());
            return ps.executeUpdate();
        });
    }

    @Override
    public void skip(ProfileRef ref, String reason) {
        state(ref, "skipped", reason);
    }

    @Override
    public void defer(ProfileRef ref, Instant notBefore) {
        update("UPDATE frontier SET state = 'pending', claimed_by = NULL, lease_until = NULL, next_fetch_at = ?,"
                + " attempts = GREATEST(attempts - 1, 0), updated_at = ? WHERE ref_id = ?", ps -> {
            ps.setLong(1, notBefore.toEpochMilli());
            ps.setLong(2, clock.millis());
            ps.setString(3, ref.id());
            return ps.executeUpdate();
        });
    }

    @Override
    public Map<EntryState, Long> counts() {
        Map<EntryState, Long> counts = new EnumMap<>(EntryState.class);
        for (EntryState s : EntryState.values()) {
            counts.put(s, 0L);
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM frontier GROUP BY state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(EntryState.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw FleetException.of("count the frontier", "test database", e);
        }
    }

    private void state(ProfileRef ref, String state, String reason) {
        update("UPDATE frontier SET state = ?, reason = ?, claimed_by = NULL, lease_until = NULL, updated_at = ?"
                + " WHERE ref_id = ?", ps -> {
            ps.setString(1, state);
            ps.setString(2, reason);
            ps.setLong(3, clock.millis());
            ps.setString(4, ref.id());
            return ps.executeUpdate();
        });
    }

    private interface Bind {
        int run(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Bind bind) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return bind.run(ps);
        } catch (SQLException e) {
            throw FleetException.of("update the frontier", "test database", e);
        }
    }
}
