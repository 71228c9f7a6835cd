package dev.scout.demo.bench;

import dev.scout.store.CandidatePage;
import dev.scout.store.CandidateQuery;
import dev.scout.store.CandidateRow;
import dev.scout.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandidateStoreGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void writesOneCompletedRunWithAVerdictAndASnapshotForEveryProfile() {
        CandidateStoreGenerator.Result r = new CandidateStoreGenerator(600, 1).write(dir.resolve("a.db"));

        try (SqliteStore store = SqliteStore.open(dir.resolve("a.db"))) {
            CandidatePage all = store.candidates(CandidateQuery.of(r.runId()));
            assertThat(all.total()).isEqualTo(600);
            assertThat(store.lastRuns(1).get(0).status().name()).isEqualTo("COMPLETED");
            assertThat(store.latestSnapshot(dev.scout.model.ProfileRef.parseId(all.rows().get(0).refId()))).isPresent();
            assertThat(r.reviews()).isPositive();
            assertThat(store.candidates(CandidateQuery.of(r.runId()).withReview(CandidateQuery.ReviewFilter.REVIEWED))
                    .total()).isEqualTo(r.reviews());
        }
    }

    @Test
    void everyFilterOfTheReviewAppHasRowsOnBothSides() {
        CandidateStoreGenerator.Result r = new CandidateStoreGenerator(2_000, 7).write(dir.resolve("b.db"));

        try (SqliteStore store = SqliteStore.open(dir.resolve("b.db"))) {
            CandidateQuery q = CandidateQuery.of(r.runId());
            for (boolean v : List.of(true, false)) {
                assertThat(store.candidates(q.withFlagged(v)).total()).as("flagged=" + v).isPositive();
                assertThat(store.candidates(q.withSuspicious(v)).total()).as("suspicious=" + v).isPositive();
            }
            for (String platform : List.of("mastodon", "bluesky", "instagram", "web")) {
                assertThat(store.candidates(q.withPlatform(platform)).total()).as(platform).isEqualTo(500);
            }
            assertThat(store.candidates(q.withNiche(CandidateStoreGenerator.NICHE_NAME)).total()).isEqualTo(2_000);
            List<CandidateRow> rows = store.candidates(q.page(0, CandidateQuery.MAX_LIMIT)).rows();
            assertThat(rows.stream().map(CandidateRow::tier).distinct().count()).as("tiers").isGreaterThan(2);
            assertThat(rows.stream().map(CandidateRow::grade).distinct().count()).as("grades").isGreaterThan(1);
        }
    }

    @Test
    void theSameSeedWritesTheSameVerdicts() {
        long a = new CandidateStoreGenerator(300, 5).write(dir.resolve("c.db")).flagged();
        long b = new CandidateStoreGenerator(300, 5).write(dir.resolve("d.db")).flagged();
        try (SqliteStore c = SqliteStore.open(dir.resolve("c.db")); SqliteStore d = SqliteStore.open(dir.resolve("d.db"))) {
            CandidateQuery q = CandidateQuery.of(1).page(0, 300);
            assertThat(c.candidates(q).rows()).isEqualTo(d.candidates(q).rows());
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void refusesToOverwriteAStore() {
        Path file = dir.resolve("e.db");
        new CandidateStoreGenerator(10, 1).write(file);

        assertThatThrownBy(() -> new CandidateStoreGenerator(10, 1).write(file))
                .hasMessageContaining(file.toString()).hasMessageContaining("already exists");
    }
}
