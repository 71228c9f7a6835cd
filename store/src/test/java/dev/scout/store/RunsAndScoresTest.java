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
        store.close();
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
