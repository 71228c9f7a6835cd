package dev.scout.store;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.CandidateQuery.ReviewFilter;
import dev.scout.store.CandidateQuery.Sort;
import dev.scout.store.internal.Json;
import dev.scout.store.internal.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidatesAndReviewsTest {
    @TempDir
    Path dir;
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("scout.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void reviewNeedsAReviewerName() {
        assertThatThrownBy(() -> new Review(ref(1), ReviewStatus.REJECTED, "x", "  ", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewer");
    }

    @Test
    void migrationFillsCandidatesFromVerdictsStoredBeforeIt() throws Exception {
        store.close();
        Path old = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            for (Schema.Migration m : Schema.MIGRATIONS.subList(0, 5)) {
                for (String s : m.statements()) {
                    st.execute(s);
                }
            }
            st.execute("PRAGMA user_version = 5");
            st.execute("INSERT INTO runs (id, config_hash, version, started_at, status) VALUES (1, 'c', 'v', 0, 'completed')");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO scores (run_id, ref_id, score, flagged, json) VALUES (1, ?, ?, 1, ?)")) {
                ScoredProfile v = Fixtures.candidate(ref(7), 64.5, true, "micro", "high", true, 12_345);
                ps.setString(1, ref(7).id());
                ps.setDouble(2, 64.5);
                ps.setString(3, new Json(old.toString()).write(v, "test verdict"));
                ps.executeUpdate();
            }
        }
        store = SqliteStore.open(old);

        CandidateRow row = store.candidates(CandidateQuery.of(1)).rows().get(0);

        assertThat(row.refId()).isEqualTo(ref(7).id());
        assertThat(row.platform()).isEqualTo("mastodon");
        assertThat(row.tier()).isEqualTo("micro");
        assertThat(row.grade()).isEqualTo("high");
        assertThat(row.suspicious()).isTrue();
        assertThat(row.followers()).hasValue(12_345);
        assertThat(row.engagementRate()).hasValue(0.0645);
        assertThat(row.estPriceUsd()).hasValue(120.0);
        assertThat(row.niche()).isEqualTo("plant-based cooking");
        assertThat(row.displayName()).isEqualTo("Cook " + ref(7).value());
    }
}
