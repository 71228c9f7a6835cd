package dev.scout.store.internal;

import dev.scout.store.CandidatePage;
import dev.scout.store.CandidateQuery;
import dev.scout.store.CandidateRow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Answers {@link CandidateQuery}: one page of a run's {@code candidates} joined with {@code reviews}, plus the number
 * of matching rows, from the narrow indexed table only (memory holds one page). Sorting by score uses the index
 * {@code candidates_rank}; other orders sort the run's matching rows in SQLite. Thread-safe.
 */
public final class CandidateSearch {
    private static final String SELECT = "SELECT c.ref_id, c.platform, c.handle, c.display_name, c.niche, c.tier,"
            + " c.grade, c.score, c.flagged, c.suspicious, c.followers, c.engagement_rate, c.niche_share,"
            + " c.est_price_usd, r.ref_id, r.status, r.note, r.reviewer, r.reviewed_at";

    private final WriteQueue queue;

    public CandidateSearch(WriteQueue queue) {
        this.queue = queue;
    }

    public CandidatePage search(CandidateQuery q) {
        Where where = where(q);
        String count = countSql(q);
        return queue.call(sql -> {
            String rows = rowsSql(q, sql.dialect());
            List<CandidateRow> page = new ArrayList<>(q.limit());
            // Not cached: the filter combinations are many and each statement is cheap to prepare.
            try (PreparedStatement ps = sql.connection().prepareStatement(rows)) {
                int i = where.bind(ps);
                ps.setInt(i++, q.limit());
                ps.setLong(i++, q.offset());
                ps.setLong(i, q.runId());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(row(rs));
                    }
                }
            }
            long total;
            try (PreparedStatement ps = sql.connection().prepareStatement(count)) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    total = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new CandidatePage(page, total);
        }, "list the candidates of run " + q.runId());
    }

    /** The page's statement; parameters: the filters' values, LIMIT, OFFSET, the run id. */
    static String rowsSql(CandidateQuery q, Dialect dialect) {
        // The page's keys first, from the covering index alone, then the rows of those keys: an OFFSET deep into
        // 100,000 verdicts skips index entries instead of joining every skipped row. CROSS JOIN keeps that order:
        // with a plain JOIN, SQLite 3.54 walked the run's index as the outer loop (to skip the final sort) and scanned
        // the page once per verdict — a filtered page took minutes and blocked the store (scout bench serve). The join
        // condition sits in WHERE because PostgreSQL allows no ON after CROSS JOIN.
        return SELECT + " FROM (SELECT c.ref_id AS page_ref " + from(q) + where(q).sql() + " ORDER BY " + order(q, dialect)
                + " LIMIT ? OFFSET ?) page CROSS JOIN candidates c LEFT JOIN reviews r ON r.ref_id = c.ref_id"
                + " WHERE c.run_id = ? AND c.ref_id = page.page_ref ORDER BY " + order(q, dialect);
    }

    /** The count's statement; parameters: the filters' values. */
    static String countSql(CandidateQuery q) {
        return "SELECT count(*) " + from(q) + where(q).sql();
    }

    private static String from(CandidateQuery q) {
        boolean needsReviews = q.review() != CandidateQuery.ReviewFilter.ANY || q.sort() == CandidateQuery.Sort.REVIEWED_AT;
        return "FROM candidates c" + (needsReviews ? " LEFT JOIN reviews r ON r.ref_id = c.ref_id" : "");
    }

    private record Where(String sql, List<Object> args) {
        int bind(PreparedStatement ps) throws SQLException {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            return i;
        }
    }

    private static Where where(CandidateQuery q) {
        StringBuilder sql = new StringBuilder(" WHERE c.run_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(q.runId());
        q.niche().ifPresent(v -> add(sql, args, " AND c.niche = ?", v));
        q.platform().ifPresent(v -> add(sql, args, " AND c.platform = ?", v));
        q.tier().ifPresent(v -> add(sql, args, " AND c.tier = ?", v));
        q.grade().ifPresent(v -> add(sql, args, " AND c.grade = ?", v));
        q.flagged().ifPresent(v -> add(sql, args, " AND c.flagged = ?", v ? 1 : 0));
        q.suspicious().ifPresent(v -> add(sql, args, " AND c.suspicious = ?", v ? 1 : 0));
        if (q.minScore().isPresent()) {
            add(sql, args, " AND c.score >= ?", q.minScore().getAsDouble());
        }
        if (q.maxScore().isPresent()) {
            add(sql, args, " AND c.score <= ?", q.maxScore().getAsDouble());
        }
        switch (q.review()) {
            case ANY -> {
            }
            case REVIEWED -> sql.append(" AND r.ref_id IS NOT NULL");
            case UNREVIEWED -> sql.append(" AND r.ref_id IS NULL");
            case SHORTLISTED -> add(sql, args, " AND r.status = ?", "shortlisted");
            case REJECTED -> add(sql, args, " AND r.status = ?", "rejected");
            case UNDECIDED -> add(sql, args, " AND r.status = ?", "undecided");
        }
        return new Where(sql.toString(), args);
    }

    private static void add(StringBuilder sql, List<Object> args, String clause, Object arg) {
        sql.append(clause);
        args.add(arg);
    }

    /** ORDER BY for the query; ties by profile id, so pages never overlap. Unknown values sort last either way. */
    static String order(CandidateQuery q, Dialect dialect) {
        String dir = q.descending() ? "DESC" : "ASC";
        return switch (q.sort()) {
            // Matches candidates_rank (score DESC, ref_id) read forwards or backwards.
            case SCORE -> q.descending() ? "c.score DESC, c.ref_id ASC" : "c.score ASC, c.ref_id DESC";
            case FOLLOWERS -> "c.followers " + dir + " NULLS LAST, c.ref_id";
            case ENGAGEMENT -> "c.engagement_rate " + dir + " NULLS LAST, c.ref_id";
            case NICHE_SHARE -> "c.niche_share " + dir + ", c.ref_id";
            case PRICE -> "c.est_price_usd " + dir + " NULLS LAST, c.ref_id";
            case HANDLE -> dialect.caseless("c.handle") + " " + dir + ", c.ref_id";
            case REVIEWED_AT -> "r.reviewed_at " + dir + " NULLS LAST, c.ref_id";
        };
    }

    private static CandidateRow row(ResultSet rs) throws SQLException {
        long followers = rs.getLong(11);
        OptionalLong f = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(followers);
        double engagement = rs.getDouble(12);
        OptionalDouble e = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(engagement);
        double price = rs.getDouble(14);
        OptionalDouble p = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(price);
        return new CandidateRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getInt(9) != 0, rs.getInt(10) != 0, f, e,
                rs.getDouble(13), p, ReviewTable.readOptional(rs, 15));
    }
}
