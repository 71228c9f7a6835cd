package dev.scout.store.internal;

import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.Platform;
import dev.scout.store.StoreStatus.ResumePlan;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Frontier counts by platform and state, and what a resume at a given time would do. Thread-safe. */
public final class StatusReader {
    private static final String PLAN = """
            SELECT
              COALESCE(SUM(state = 'pending' AND attempts = 0 AND next_fetch_at <= ?1), 0),
              COALESCE(SUM(state = 'pending' AND attempts > 0 AND next_fetch_at <= ?1), 0),
              COALESCE(SUM(state = 'pending' AND next_fetch_at > ?1), 0),
              COALESCE(SUM(state = 'in_flight' AND lease_until <= ?1), 0),
              COALESCE(SUM(state = 'in_flight' AND lease_until > ?1), 0),
              COALESCE(SUM(state = 'failed'), 0)
            FROM frontier""";

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
                    out.get(Platform.fromKey(rs.getString(1))).put(SqliteFrontier.fromDb(rs.getString(2)), rs.getLong(3));
                }
            }
            out.replaceAll((p, m) -> Map.copyOf(m));
            return Map.copyOf(out);
        }, "count the frontier by platform");
    }

    public ResumePlan resumePlan(Instant now) {
        return queue.call(sql -> {
            PreparedStatement ps = sql.prepare(PLAN);
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ResumePlan(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6));
            }
        }, "plan a resume");
    }
}
