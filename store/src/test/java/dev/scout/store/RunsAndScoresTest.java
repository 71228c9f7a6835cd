package dev.scout.store;

import dev.scout.model.testing.MutableClock;
import dev.scout.scorer.ScoredProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunsAndScoresTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private void open() {
        store = SqliteStore.open(dir.resolve("scout.db"), StoreOptions.builder().clock(clock).build());
    }

    @Test
    void runsOfAVersion4StoreKeepTheirScoresWhenTheRunsTableGainsReasons() throws Exception {
        Path file = dir.resolve("v4.db");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            for (var m : dev.scout.store.internal.Schema.MIGRATIONS.subList(0, 4)) {
                for (String ddl : m.statements()) {
                    st.execute(ddl);
                }
            }
            st.execute("PRAGMA user_version = 4");
            st.execute("INSERT INTO runs (id, config_hash, version, started_at, finished_at, status, counters)"
                    + " VALUES (7, 'cfg', '0.1.0', 1000, 2000, 'completed', '{\"scored\":1}')");
            st.execute("INSERT INTO scores (run_id, ref_id, score, flagged, json) VALUES (7, 'mastodon:a@b.example', 50, 1, '{}')");
        }
        try (SqliteStore migrated = SqliteStore.open(file)) {
            assertThat(migrated.lastRuns(5)).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(7);
                assertThat(r.status()).isEqualTo(RunInfo.RunStatus.COMPLETED);
                assertThat(r.reason()).isEmpty();
                assertThat(r.counters()).containsEntry("scored", 1L);
            });
            assertThat(migrated.startRun("cfg", "0.2.0")).isGreaterThan(7);
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM scores WHERE run_id = 7")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the scores of the old run survive the rebuild of runs").isEqualTo(1);
        }
    }

}
