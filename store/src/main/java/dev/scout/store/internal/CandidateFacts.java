package dev.scout.store.internal;

import dev.scout.scorer.ScoredProfile;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes the filterable facts of a verdict to the {@code candidates} table, next to its JSON in {@code scores}, so the
 * review app can filter and sort a run without reading any JSON. Stateless.
 */
final class CandidateFacts {
    static final String UPSERT = "INSERT INTO candidates (run_id, ref_id, platform, handle, display_name, niche, tier,"
            + " grade, score, flagged, suspicious, followers, engagement_rate, niche_share, est_price_usd)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (run_id, ref_id) DO UPDATE SET platform = excluded.platform, handle = excluded.handle,"
            + " display_name = excluded.display_name, niche = excluded.niche, tier = excluded.tier,"
            + " grade = excluded.grade, score = excluded.score, flagged = excluded.flagged,"
            + " suspicious = excluded.suspicious, followers = excluded.followers,"
            + " engagement_rate = excluded.engagement_rate, niche_share = excluded.niche_share,"
            + " est_price_usd = excluded.est_price_usd";

    private CandidateFacts() {
    }

    /** Binds and runs {@link #UPSERT} for {@code p} in {@code runId}. */
    static void upsert(Sql sql, long runId, ScoredProfile p) throws SQLException {
        PreparedStatement ps = sql.prepare(UPSERT);
        var a = p.account();
        ps.setLong(1, runId);
        ps.setString(2, a.id());
        ps.setString(3, a.platform().key());
        ps.setString(4, a.handle());
        ps.setString(5, a.displayName());
        ps.setString(6, p.niche().target() == null ? "" : p.niche().target());
        ps.setString(7, p.tier().name() == null ? "" : p.tier().name());
        ps.setString(8, p.engagement().grade() == null ? "" : p.engagement().grade());
        ps.setDouble(9, p.score());
        ps.setInt(10, p.flagged() ? 1 : 0);
        ps.setInt(11, p.authenticity().suspicious() ? 1 : 0);
        setLong(ps, 12, a.followers());
        setDouble(ps, 13, p.engagement().rate());
        ps.setDouble(14, finiteOrZero(p.niche().share()));
        setDouble(ps, 15, p.cost().estPriceUsd());
        ps.executeUpdate();
    }

    private static void setLong(PreparedStatement ps, int index, OptionalLong v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(index, v.getAsLong());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, OptionalDouble v) throws SQLException {
        if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
            ps.setDouble(index, v.getAsDouble());
        } else {
            ps.setNull(index, Types.REAL);
        }
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
