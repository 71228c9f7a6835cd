package dev.scout.store.internal;

import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.Platform;
import dev.scout.store.FrontierIssues;
import dev.scout.store.StoreStatus.ResumePlan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Frontier counts by platform and state, what a resume at a given time would do, and which entries wait for a retry
 * or failed for good. Thread-safe.
 */
public final class StatusReader {
    /** Portable SQL (SQLite and PostgreSQL): CASE instead of summing booleans, the time bound once per use. */
    private static final String PLAN = """
            SELECT
              COALESCE(SUM(CASE WHEN state = 'pending' AND attempts = 0 AND next_fetch_at <= ? THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN state = 'pending' AND attempts > 0 AND next_fetch_at <= ? THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN state = 'pending' AND next_fetch_at > ? THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN state = 'in_flight' AND lease_until <= ? THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN state = 'in_flight' AND lease_until > ? THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0)
            FROM frontier""";

    /** Pending after a transient failure: a reason was recorded and the entry was attempted. */
    private static final String WAITING = "state = 'pending' AND attempts > 0 AND reason IS NOT NULL AND reason <> ''";
    private static final String WAITING_LIST = "SELECT ref_id, attempts, next_fetch_at, reason FROM frontier WHERE "
            + WAITING + " ORDER BY next_fetch_at, ref_id LIMIT ?";
    private static final String FAILED_LIST = "SELECT ref_id, attempts, reason FROM frontier WHERE state = 'failed'"
            + " ORDER BY updated_at DESC, ref_id LIMIT ?";
    private static final String ISSUE_COUNTS = "SELECT COALESCE(SUM(CASE WHEN " + WAITING + " THEN 1 ELSE 0 END), 0),"
            + " COALESCE(SUM(CASE WHEN state = 'failed' THEN 1 ELSE 0 END), 0) FROM frontier";

    private final WriteQueue queue;

    public StatusReader(WriteQueue queue) {
        this.queue = queue;
    }

    /** Every platform and state is present, zeros included, so a table prints without gaps. */
    public Map<Platform, Map<EntryState, Long>> byPlatform() {
        return queue.call(sql -> {
            Map<Platform, Map<EntryState, Long>> out = new EnumMap<>(Platform.class);
            for (Platform p : Platform.values()) {
                Map<EntryState, Long> states = new EnumMap<>(EntryState.class);
                for (EntryState s : EntryState.values()) {
                    states.put(s, 0L);
                }
                out.put(p, states);
            }
            PreparedStatement ps = sql.prepare("SELECT platform, state, COUNT(*) FROM frontier GROUP BY platform, state");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.get(Platform.fromKey(rs.getString(1))).put(SqlFrontier.fromDb(rs.getString(2)), rs.getLong(3));
                }
            }
            out.replaceAll((p, m) -> Map.copyOf(m));
            return Map.copyOf(out);
        }, "count the frontier by platform");
    }

    /** Entries waiting for a retry (soonest due first) and failed for good (latest first), at most {@code limit} each. */
    public FrontierIssues issues(int limit) {
        return queue.call(sql -> {
            long waitingCount;
            long failedCount;
            try (ResultSet rs = sql.prepare(ISSUE_COUNTS).executeQuery()) {
                rs.next();
                waitingCount = rs.getLong(1);
                failedCount = rs.getLong(2);
            }
            List<FrontierIssues.Waiting> waiting = new ArrayList<>();
            PreparedStatement w = sql.prepare(WAITING_LIST);
            w.setInt(1, limit);
            try (ResultSet rs = w.executeQuery()) {
                while (rs.next()) {
                    waiting.add(new FrontierIssues.Waiting(rs.getString(1), rs.getInt(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                }
            }
            List<FrontierIssues.Failed> failed = new ArrayList<>();
            PreparedStatement f = sql.prepare(FAILED_LIST);
            f.setInt(1, limit);
            try (ResultSet rs = f.executeQuery()) {
                while (rs.next()) {
                    failed.add(new FrontierIssues.Failed(rs.getString(1), rs.getInt(2),
                            java.util.Objects.requireNonNullElse(rs.getString(3), "")));
                }
            }
            return new FrontierIssues(waitingCount, waiting, failedCount, failed);
        }, "list the frontier entries waiting for a retry or failed for good");
    }

    public ResumePlan resumePlan(Instant now) {
        return queue.call(sql -> {
            PreparedStatement ps = sql.prepare(PLAN);
            for (int i = 1; i <= 5; i++) {
                ps.setLong(i, now.toEpochMilli());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ResumePlan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6));
            }
        }, "plan a resume");
    }
}
