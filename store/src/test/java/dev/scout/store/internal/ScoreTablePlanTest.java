package dev.scout.store.internal;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreTablePlanTest {

    /** Regression: with only the OR, SQLite scanned a run from its best verdict for every page (quadratic read-back). */
    @Test
    void nextPageSeeksARangeOfTheRankIndexInsteadOfScanningTheRun() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            Sql sql = new Sql(c, Dialect.SQLITE);
            Schema.migrate(sql, 0);
            List<String> plan = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + ScoreTable.NEXT_PAGE);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
            assertThat(plan).anySatisfy(d -> assertThat(d).contains("scores_rank").contains("score<"));
        }
    }
}
