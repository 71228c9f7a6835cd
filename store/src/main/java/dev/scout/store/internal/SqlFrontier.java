package dev.scout.store.internal;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The frontier as rows of the {@code frontier} table (SQLite or PostgreSQL), changed only through the store's
 * {@link WriteQueue}.
 * {@link #offer}, {@link #claim} and {@link #counts} wait for their transaction; the state transitions
 * ({@link #complete}, {@link #fail}, {@link #skip}, {@link #defer}) are write-behind and ordered after every
 * snapshot queued before them. Several processes may share one database: in SQLite a claim is an update under the
 * file's write lock; in PostgreSQL the claimed rows are selected {@code FOR UPDATE SKIP LOCKED}, so concurrent
 * claimers take disjoint rows without waiting. Either way no entry is handed to two workers while its lease runs.
 * Thread-safe.
 */
public final class SqlFrontier implements Frontier {
    private static final String SELECT_EXPIRED = "SELECT ref_id, depth, attempts FROM frontier"
            + " WHERE state = 'in_flight' AND lease_until <= ? ORDER BY lease_until LIMIT ?";
    private static final String SELECT_DUE = "SELECT ref_id, depth, attempts FROM frontier"
            + " WHERE state = 'pending' AND next_fetch_at <= ? ORDER BY depth, next_fetch_at LIMIT ?";
    private static final String MARK_CLAIMED = "UPDATE frontier SET state = 'in_flight', claimed_by = ?,"
            + " lease_until = ?, attempts = attempts + 1, updated_at = ? WHERE ref_id = ?";
    private static final String INSERT = "INSERT INTO frontier (ref_id, platform, state, depth, via, next_fetch_at,"
            + " updated_at) VALUES (?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (ref_id) DO NOTHING";
    /** Reads at most {@code limit} rows of the (state, …) index instead of all of them. */
    private static final String COUNT_PENDING_UP_TO =
            "SELECT COUNT(*) FROM (SELECT 1 FROM frontier WHERE state = ? LIMIT ?) AS firsts";
    private static final String SET_STATE = "UPDATE frontier SET state = ?, reason = ?, claimed_by = NULL,"
            + " lease_until = NULL, updated_at = ? WHERE ref_id = ?";
    private static final String RETRY_LATER = "UPDATE frontier SET state = 'pending', reason = ?, claimed_by = NULL,"
            + " lease_until = NULL, next_fetch_at = ?, updated_at = ? WHERE ref_id = ?";
    private static final String DEFER = "UPDATE frontier SET state = 'pending', claimed_by = NULL, lease_until = NULL,"
            + " next_fetch_at = ?, attempts = %s(attempts - 1, 0), updated_at = ? WHERE ref_id = ?";

    private final WriteQueue writes;
    private final Clock clock;

    public SqlFrontier(WriteQueue writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public int offer(Collection<Discovered> discovered) {
        List<Discovered> copy = List.copyOf(discovered);
        if (copy.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        return writes.call(sql -> {
            PreparedStatement ps = sql.prepare(INSERT);
            int added = 0;
            for (Discovered d : copy) {
                ps.setString(1, d.ref().id());
                ps.setString(2, d.ref().platform().key());
                ps.setInt(3, d.depth());
                ps.setString(4, Objects.requireNonNullElse(d.via(), ""));
                // Due at once whatever clock the claimer uses (a simulated crawl may run on a clock in the past).
                ps.setLong(5, 0L);
                ps.setLong(6, now);
                added += ps.executeUpdate();
            }
            return added;
        }, "add " + copy.size() + " profiles to the frontier");
    }

    @Override
    public List<Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
        Objects.requireNonNull(worker, "worker");
        if (max <= 0) {
            return List.of();
        }
        long nowMs = now.toEpochMilli();
        Instant until = now.plus(leaseFor);
        long updated = clock.millis();
        return writes.call(sql -> {
            List<Lease> leases = new ArrayList<>(max);
            // Expired leases first: their workers are gone and they were due before anything still pending.
            String lock = sql.dialect().claimLock();
            select(sql.prepare(SELECT_EXPIRED + lock), nowMs, max, until, leases);
            if (leases.size() < max) {
                select(sql.prepare(SELECT_DUE + lock), nowMs, max - leases.size(), until, leases);
            }
            PreparedStatement mark = sql.prepare(MARK_CLAIMED);
            mark.clearBatch();
            for (Lease l : leases) {
                mark.setString(1, worker);
                mark.setLong(2, until.toEpochMilli());
                mark.setLong(3, updated);
                mark.setString(4, l.ref().id());
                mark.addBatch();
            }
            if (!leases.isEmpty()) {
                mark.executeBatch();
            }
            return List.copyOf(leases);
        }, "claim work for " + worker);
    }

    private static void select(PreparedStatement ps, long now, int limit, Instant until, List<Lease> into)
            throws SQLException {
        ps.setLong(1, now);
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(new Lease(ProfileRef.parseId(rs.getString(1)), rs.getInt(2), rs.getInt(3) + 1, until));
            }
        }
    }

    @Override
    public void complete(ProfileRef ref) {
        setState(ref, EntryState.DONE, null);
    }

    @Override
    public void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
        if (retryAt.isPresent()) {
            long at = retryAt.get().toEpochMilli();
            long now = clock.millis();
            writes.submit(sql -> {
                PreparedStatement ps = sql.prepare(RETRY_LATER);
                ps.setString(1, reason);
                ps.setLong(2, at);
                ps.setLong(3, now);
                ps.setString(4, ref.id());
                return ps.executeUpdate();
            }, "schedule a retry of " + ref.id());
        } else {
            setState(ref, EntryState.FAILED, reason);
        }
    }

    @Override
    public void skip(ProfileRef ref, String reason) {
        setState(ref, EntryState.SKIPPED, reason);
    }

    @Override
    public void defer(ProfileRef ref, Instant notBefore) {
        long at = notBefore.toEpochMilli();
        long now = clock.millis();
        writes.submit(sql -> {
            PreparedStatement ps = sql.prepare(DEFER.formatted(sql.dialect().greatest()));
            ps.setLong(1, at);
            ps.setLong(2, now);
            ps.setString(3, ref.id());
            return ps.executeUpdate();
        }, "defer " + ref.id());
    }

    private void setState(ProfileRef ref, EntryState state, String reason) {
        long now = clock.millis();
        String dbState = dbName(state);
        writes.submit(sql -> {
            PreparedStatement ps = sql.prepare(SET_STATE);
            ps.setString(1, dbState);
            ps.setString(2, reason);
            ps.setLong(3, now);
            ps.setString(4, ref.id());
            return ps.executeUpdate();
        }, "mark " + ref.id() + " " + dbState);
    }

    /**
     * Makes finished entries (done, failed, skipped) last changed before {@code now - refreshAfter} pending again,
     * due at {@code now}, with attempts reset. Returns how many.
     */
    /**
     * Returns every in-flight entry to pending, due at {@code now}, keeping its attempts. For the start of a run by
     * the store's only user: leases left by a killed process would otherwise hold their profiles until they expire.
     */
    public int releaseLeases(Instant now) {
        long at = now.toEpochMilli();
        return writes.call(sql -> {
            PreparedStatement ps = sql.prepare("UPDATE frontier SET state = 'pending', claimed_by = NULL,"
                    + " lease_until = NULL, next_fetch_at = ?, updated_at = ? WHERE state = 'in_flight'");
            ps.setLong(1, at);
            ps.setLong(2, clock.millis());
            return ps.executeUpdate();
        }, "release the leases of a run that is no longer running");
    }

    public int requeueStale(Duration refreshAfter, Instant now) {
        long cutoff = now.minus(refreshAfter).toEpochMilli();
        long at = now.toEpochMilli();
        return writes.call(sql -> {
            PreparedStatement ps = sql.prepare("UPDATE frontier SET state = 'pending', reason = NULL, attempts = 0,"
                    + " next_fetch_at = ?, updated_at = ? WHERE state IN ('done', 'failed', 'skipped') AND updated_at < ?");
            ps.setLong(1, at);
            ps.setLong(2, clock.millis());
            ps.setLong(3, cutoff);
            return ps.executeUpdate();
        }, "re-queue profiles not crawled since " + Instant.ofEpochMilli(cutoff));
    }

    @Override
    public Map<EntryState, Long> counts() {
        return writes.call(sql -> {
            Map<EntryState, Long> counts = new EnumMap<>(EntryState.class);
            for (EntryState s : EntryState.values()) {
                counts.put(s, 0L);
            }
            try (var st = sql.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT state, COUNT(*) FROM frontier GROUP BY state")) {
                while (rs.next()) {
                    counts.put(fromDb(rs.getString(1)), rs.getLong(2));
                }
            }
            return Map.copyOf(counts);
        }, "count frontier entries");
    }

    @Override
    public long pendingUpTo(long limit) {
        return writes.call(sql -> {
            PreparedStatement ps = sql.prepare(COUNT_PENDING_UP_TO);
            ps.setString(1, dbName(EntryState.PENDING));
            ps.setLong(2, Math.max(0, limit));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        }, "count pending frontier entries");
    }

    /** The entry of {@code ref}, read after every queued write; empty when the frontier never met it. */
    public Optional<dev.scout.store.FrontierEntry> entry(ProfileRef ref) {
        return writes.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT state, reason, attempts, depth, via, updated_at FROM frontier"
                    + " WHERE ref_id = ?");
            ps.setString(1, ref.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<dev.scout.store.FrontierEntry>empty();
                }
                String reason = rs.getString(2);
                return Optional.of(new dev.scout.store.FrontierEntry(ref, fromDb(rs.getString(1)),
                        reason == null || reason.isBlank() ? Optional.empty() : Optional.of(reason),
                        rs.getInt(3), rs.getInt(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
            }
        }, "read the frontier entry of " + ref.id());
    }

    /** Column value of a state: {@code in_flight}, {@code done} … */
    public static String dbName(EntryState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    public static EntryState fromDb(String value) {
        return EntryState.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
