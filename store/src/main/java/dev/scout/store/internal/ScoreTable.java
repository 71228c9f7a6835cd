package dev.scout.store.internal;

import dev.scout.scorer.ScoredProfile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code scores} table: one verdict per profile and run, as JSON with score and flag as columns; each save also
 * writes the verdict's filterable facts to {@code candidates} ({@link CandidateFacts}). Thread-safe.
 */
public final class ScoreTable {
    private static final int CHUNK = 256;
    private static final String UPSERT = "INSERT INTO scores (run_id, ref_id, score, flagged, json) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (run_id, ref_id) DO UPDATE SET score = excluded.score, flagged = excluded.flagged,"
            + " json = excluded.json";
    private static final String FIRST_PAGE = "SELECT ref_id, score, json FROM scores WHERE run_id = ?"
            + " ORDER BY score DESC, ref_id LIMIT ?";
    /**
     * The page after (score, ref_id). The redundant {@code score <= ?} gives SQLite a range on the index
     * {@code scores_rank}; with the OR alone it scans the run from its best verdict for every page (1.8 s a page at
     * 48,000 verdicts, so reading a run back took minutes), with it each page is a range seek (about 10 ms).
     */
    static final String NEXT_PAGE = "SELECT ref_id, score, json FROM scores WHERE run_id = ? AND score <= ?"
            + " AND (score < ? OR (score = ? AND ref_id > ?)) ORDER BY score DESC, ref_id LIMIT ?";

    private record Row(String refId, double score, String json) {
    }

    private record Encoded(ScoredProfile profile, String refId, double score, boolean flagged, String json) {
    }

    private final WriteQueue queue;
    private final Json json;

    public ScoreTable(WriteQueue queue, Json json) {
        this.queue = queue;
        this.json = json;
    }

    /** Writes in chunks, each committed before the next is encoded, so memory holds one chunk. */
    public int save(long runId, Iterator<ScoredProfile> scores) {
        int saved = 0;
        while (scores.hasNext()) {
            List<Encoded> chunk = new ArrayList<>(CHUNK);
            while (scores.hasNext() && chunk.size() < CHUNK) {
                ScoredProfile p = scores.next();
                String id = p.account().id();
                chunk.add(new Encoded(p, id, p.score(), p.flagged(), json.write(p, "the verdict on " + id)));
            }
            saved += queue.call(sql -> {
                PreparedStatement ps = sql.prepare(UPSERT);
                for (Encoded r : chunk) {
                    ps.setLong(1, runId);
                    ps.setString(2, r.refId());
                    ps.setDouble(3, r.score());
                    ps.setInt(4, r.flagged() ? 1 : 0);
                    ps.setString(5, r.json());
                    ps.executeUpdate();
                    CandidateFacts.upsert(sql, runId, r.profile());
                }
                return chunk.size();
            }, "store " + chunk.size() + " verdicts of run " + runId);
        }
        return saved;
    }

    /** The verdict on {@code refId} in {@code runId}, when that run scored it. */
    public Optional<ScoredProfile> find(long runId, String refId) {
        Optional<String> stored = queue.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT json FROM scores WHERE run_id = ? AND ref_id = ?");
            ps.setLong(1, runId);
            ps.setString(2, refId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        }, "read the verdict on " + refId + " in run " + runId);
        return stored.map(j -> json.verdict(j, refId));
    }

    public Iterator<ScoredProfile> scores(long runId) {
        Iterator<Row> rows = new PagedIterator<Row>(CHUNK, last -> queue.call(sql -> {
            PreparedStatement ps;
            if (last.isEmpty()) {
                ps = sql.prepare(FIRST_PAGE);
                ps.setLong(1, runId);
                ps.setInt(2, CHUNK);
            } else {
                ps = sql.prepare(NEXT_PAGE);
                ps.setLong(1, runId);
                ps.setDouble(2, last.get().score());
                ps.setDouble(3, last.get().score());
                ps.setDouble(4, last.get().score());
                ps.setString(5, last.get().refId());
                ps.setInt(6, CHUNK);
            }
            List<Row> page = new ArrayList<>(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new Row(rs.getString(1), rs.getDouble(2), rs.getString(3)));
                }
            }
            return page;
        }, "read the verdicts of run " + runId));
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ScoredProfile next() {
                Row r = rows.next();
                return json.verdict(r.json(), r.refId());
            }
        };
    }
}
