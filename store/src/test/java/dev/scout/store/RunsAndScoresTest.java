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
    void runsAreListedNewestFirstWithTimesStatusAndCounters() {
        open();
        long first = store.startRun("cfg-a", "0.1.0");
        clock.advance(Duration.ofMinutes(10));
        store.finishRun(first, RunInfo.RunStatus.COMPLETED, Map.of("fetched", 120L, "flagged", 7L));
        long second = store.startRun("cfg-b", "0.1.0");
        List<RunInfo> runs = store.lastRuns(5);
        assertThat(runs).extracting(RunInfo::id).containsExactly(second, first);
        RunInfo done = runs.get(1);
        assertThat(done.status()).isEqualTo(RunInfo.RunStatus.COMPLETED);
        assertThat(done.startedAt()).isEqualTo(T0);
        assertThat(done.finishedAt()).contains(T0.plus(Duration.ofMinutes(10)));
        assertThat(done.counters()).containsEntry("fetched", 120L).containsEntry("flagged", 7L);
        assertThat(runs.get(0).status()).isEqualTo(RunInfo.RunStatus.RUNNING);
        assertThat(runs.get(0).finishedAt()).isEmpty();
    }

    @Test
    void everyWayARunEndsIsRecordedWithItsReason() {
        open();
        long completed = store.startRun("cfg", "0.1.0");
        store.finishRun(completed, RunInfo.RunStatus.COMPLETED, "", Map.of("scored", 3L));
        long failed = store.startRun("cfg", "0.1.0");
        store.finishRun(failed, RunInfo.RunStatus.FAILED, "no profile was crawled", Map.of());
        long usage = store.startRun("cfg", "0.1.0");
        store.finishRun(usage, RunInfo.RunStatus.USAGE_ERROR, "cannot write export out/candidates.csv", Map.of());
        long interrupted = store.startRun("cfg", "0.1.0");
        store.finishRun(interrupted, RunInfo.RunStatus.INTERRUPTED, "interrupted (Ctrl-C)", Map.of());

        List<RunInfo> runs = store.lastRuns(4);

        assertThat(runs).extracting(RunInfo::status).containsExactly(RunInfo.RunStatus.INTERRUPTED,
                RunInfo.RunStatus.USAGE_ERROR, RunInfo.RunStatus.FAILED, RunInfo.RunStatus.COMPLETED);
        assertThat(runs).extracting(RunInfo::reason).containsExactly("interrupted (Ctrl-C)",
                "cannot write export out/candidates.csv", "no profile was crawled", "");
        assertThat(runs).allSatisfy(r -> assertThat(r.finishedAt()).isPresent());
    }

    @Test
    void longReasonsAreCutToOneShortLine() {
        open();
        long run = store.startRun("cfg", "0.1.0");
        store.finishRun(run, RunInfo.RunStatus.FAILED, "first line\nsecond " + "x".repeat(1_000), Map.of());
        String reason = store.lastRuns(1).get(0).reason();
        assertThat(reason).doesNotContain("\n").startsWith("first line second").hasSizeLessThanOrEqualTo(RunInfo.MAX_REASON);
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

    @Test
    void finishingAnUnknownRunIsAClearError() {
        open();
        assertThatThrownBy(() -> store.finishRun(42, RunInfo.RunStatus.COMPLETED, Map.of()))
                .isInstanceOf(StoreException.class).hasMessageContaining("no run 42");
    }

    @Test
    void scoresRoundTripAndStreamBestFirstAcrossPages() {
        open();
        long run = store.startRun("cfg", "0.1.0");
        List<ScoredProfile> verdicts = IntStream.range(0, 600)
                .mapToObj(i -> verdict(ref(i), (i * 37) % 100, i % 2 == 0)).toList();
        assertThat(store.saveScores(run, verdicts.iterator())).isEqualTo(600);
        List<ScoredProfile> back = new ArrayList<>();
        store.scores(run).forEachRemaining(back::add);
        assertThat(back).hasSize(600);
        assertThat(back).extracting(ScoredProfile::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(back).containsExactlyInAnyOrderElementsOf(verdicts);
    }

    @Test
    void scoresOfDifferentRunsStayApart() {
        open();
        long a = store.startRun("cfg", "0.1.0");
        long b = store.startRun("cfg", "0.1.0");
        store.saveScores(a, List.of(verdict(ref(1), 50, true)).iterator());
        store.saveScores(b, List.of(verdict(ref(1), 70, false), verdict(ref(2), 10, false)).iterator());
        List<ScoredProfile> ofA = new ArrayList<>();
        store.scores(a).forEachRemaining(ofA::add);
        assertThat(ofA).singleElement().satisfies(p -> assertThat(p.score()).isEqualTo(50));
    }
}
