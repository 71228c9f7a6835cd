package dev.scout.store.internal;

import dev.scout.model.HistoryPoint;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads snapshots back: the newest of each profile (with history, for re-scoring) and per-day history. Queries run
 * in order with the queued writes, so they see everything queued before them; JSON is decoded on the caller's
 * thread. Thread-safe.
 */
public final class SnapshotReader {
    private static final int PAGE = 256;
    private static final String LATEST_PAGE = "SELECT ref_id, json FROM snapshots WHERE json IS NOT NULL AND ref_id > ?"
            + " ORDER BY ref_id LIMIT ?";
    private static final String LATEST_ONE = "SELECT ref_id, json FROM snapshots WHERE json IS NOT NULL AND ref_id = ?";
    private static final String POINTS = "SELECT crawled_at, followers, engagement_rate FROM snapshots WHERE ref_id = ?"
            + " AND followers IS NOT NULL ORDER BY crawled_at, id";
    private static final String NEWEST_TIME = "SELECT MAX(crawled_at) FROM snapshots WHERE ref_id = ?";

    private record Row(String refId, String json, List<HistoryPoint> points) {
    }

    private final WriteQueue queue;
    private final Json json;

    public SnapshotReader(WriteQueue queue, Json json) {
        this.queue = queue;
        this.json = json;
    }

    public Iterator<ProfileSnapshot> latestSnapshots() {
        Iterator<Row> rows = new PagedIterator<Row>(PAGE, last -> queue.call(sql -> {
            PreparedStatement ps = sql.prepare(LATEST_PAGE);
            ps.setString(1, last.map(Row::refId).orElse(""));
            ps.setInt(2, PAGE);
            return rows(sql, ps);
        }, "read the newest snapshots"));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ProfileSnapshot next() {
                return decode(rows.next());
            }
        };
    }

    public Optional<ProfileSnapshot> latest(ProfileRef ref) {
        List<Row> rows = queue.call(sql -> {
            PreparedStatement ps = sql.prepare(LATEST_ONE);
            ps.setString(1, ref.id());
            return rows(sql, ps);
        }, "read the newest snapshot of " + ref.id());
        return rows.stream().findFirst().map(this::decode);
    }

    public List<HistoryPoint> history(ProfileRef ref) {
        return queue.call(sql -> perDay(points(sql, ref.id())), "read the history of " + ref.id());
    }

    public Optional<Instant> newestCrawl(ProfileRef ref) {
        return queue.call(sql -> {
            PreparedStatement ps = sql.prepare(NEWEST_TIME);
            ps.setString(1, ref.id());
            try (ResultSet rs = ps.executeQuery()) {
                long at = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() || at == 0 ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
            }
        }, "read when " + ref.id() + " was last crawled");
    }

    private ProfileSnapshot decode(Row row) {
        ProfileSnapshot s = json.snapshot(row.json(), row.refId());
        // Earlier days only: the snapshot itself stands for its own day, so a profile fetched twice on one day
        // (a resumed crash) gets the same history, and the same verdict, as one fetched once.
        LocalDate day = LocalDate.ofInstant(s.crawledAt(), ZoneOffset.UTC);
        List<HistoryPoint> earlier = row.points().stream()
                .filter(p -> LocalDate.ofInstant(p.observedAt(), ZoneOffset.UTC).isBefore(day)).toList();
        return s.withHistory(perDay(earlier));
    }

    private static List<Row> rows(Sql sql, PreparedStatement ps) throws SQLException {
        List<String[]> raw = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                raw.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        List<Row> rows = new ArrayList<>(raw.size());
        for (String[] r : raw) {
            rows.add(new Row(r[0], r[1], points(sql, r[0])));
        }
        return rows;
    }

    private static List<HistoryPoint> points(Sql sql, String refId) throws SQLException {
        PreparedStatement ps = sql.prepare(POINTS);
        ps.setString(1, refId);
        List<HistoryPoint> points = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Instant at = Instant.ofEpochMilli(rs.getLong(1));
                long followers = rs.getLong(2);
                double rate = rs.getDouble(3);
                OptionalDouble er = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(rate);
                points.add(new HistoryPoint(at, followers, er));
            }
        }
        return points;
    }

    /** The last observation of each UTC day, oldest first (input ordered by time). */
    static List<HistoryPoint> perDay(List<HistoryPoint> ordered) {
        Map<LocalDate, HistoryPoint> byDay = new LinkedHashMap<>();
        for (HistoryPoint p : ordered) {
            byDay.put(LocalDate.ofInstant(p.observedAt(), ZoneOffset.UTC), p);
        }
        return List.copyOf(byDay.values());
    }
}
