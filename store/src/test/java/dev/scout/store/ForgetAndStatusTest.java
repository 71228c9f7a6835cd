package dev.scout.store;

import dev.scout.model.testing.MutableClock;
import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.snapshot;
import static dev.scout.store.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;

class ForgetAndStatusTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("scout.db"), StoreOptions.builder().clock(clock).build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void everythingAbout(ProfileRef r, long run) {
        store.frontier().offer(List.of(new Discovered(r, 0, "seed")));
        store.frontier().claim("w", 10, T0, Duration.ofMinutes(1));
        store.snapshots().accept(snapshot(r, 1_000, T0, 3));
        store.snapshots().accept(snapshot(r, 1_100, T0.plus(Duration.ofDays(1)), 3));
        store.frontier().complete(r);
        store.responses().save(java.net.URI.create("https://fika.example/api/v1/accounts/" + r.value()),
                "application/json", r.id(), new dev.scout.crawler.http.FetchOutcome.Fetched(
                        java.net.URI.create("https://fika.example/api/v1/accounts/" + r.value()), 200,
                        Map.of("ETag", List.of("\"e\"")), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "application/json"));
        store.saveScores(run, List.of(verdict(r, 50, true)).iterator());
        store.saveReview(new Review(r, ReviewStatus.SHORTLISTED, "good fit", "ana", T0));
    }

    /** Rows mentioning {@code ref} in every table that has a {@code ref_id} column, found from the schema itself. */
    private Map<String, Long> rowsAbout(ProfileRef r) throws Exception {
        store.flush();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scout.db"));
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
                    + " WHERE m.type = 'table' AND p.name = 'ref_id'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, Long> counts = new java.util.TreeMap<>();
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t + " WHERE ref_id = ?")) {
                    ps.setString(1, r.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        counts.put(t, rs.getLong(1));
                    }
                }
            }
            return counts;
        }
    }

    @Test
    void forgetRemovesTheProfileFromEveryTableAndNothingElse() throws Exception {
        long run = store.startRun("cfg", "0.1.0");
        everythingAbout(ref(1), run);
        everythingAbout(ref(2), run);
        assertThat(rowsAbout(ref(1))).containsOnlyKeys("candidates", "frontier", "http_responses", "posts", "reviews",
                        "scores", "snapshots")
                .allSatisfy((table, n) -> assertThat(n).as(table).isPositive());

        long deleted = store.forget(ref(1));

        // frontier, snapshots, posts, scores, candidates, responses, review
        assertThat(deleted).isEqualTo(1 + 2 + 3 + 1 + 1 + 1 + 1);
        assertThat(store.review(ref(1))).isEmpty();
        assertThat(store.review(ref(2))).isPresent();
        assertThat(rowsAbout(ref(1))).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
        assertThat(rowsAbout(ref(2))).allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
        assertThat(store.latestSnapshot(ref(1))).isEmpty();
        assertThat(store.history(ref(1))).isEmpty();
        assertThat(store.responses().find(java.net.URI.create("https://fika.example/api/v1/accounts/" + ref(1).value()),
                "application/json")).isEmpty();
        assertThat(store.forget(ref(1))).isZero();
    }

    @Test
    void statusShowsFrontierByPlatformAndWhatAResumeWouldDo() {
        ProfileRef bsky = new ProfileRef(Platform.BLUESKY, "cook.bsky.example");
        store.frontier().offer(List.of(new Discovered(bsky, 0, "seed")));
        store.frontier().offer(Fixtures.discovered(0, 6));
        store.frontier().claim("w", 7, T0, Duration.ofMinutes(10)); // all seven in flight
        store.frontier().complete(ref(0));
        store.frontier().fail(ref(1), "HTTP 410", Optional.empty());
        store.frontier().fail(ref(2), "HTTP 503", Optional.of(T0.plusSeconds(60)));
        store.frontier().defer(ref(3), T0.plus(Duration.ofHours(1)));
        store.frontier().offer(Fixtures.discovered(100, 2)); // never attempted
        long run = store.startRun("cfg", "0.1.0");
        clock.set(T0.plus(Duration.ofMinutes(5)));

        StoreStatus status = store.status(3);

        assertThat(status.frontier().get(Platform.BLUESKY)).containsEntry(EntryState.IN_FLIGHT, 1L);
        assertThat(status.frontier().get(Platform.MASTODON)).containsEntry(EntryState.DONE, 1L)
                .containsEntry(EntryState.FAILED, 1L).containsEntry(EntryState.PENDING, 4L)
                .containsEntry(EntryState.IN_FLIGHT, 2L);
        assertThat(status.frontier().get(Platform.YOUTUBE)).containsEntry(EntryState.PENDING, 0L);
        assertThat(status.lastRuns()).extracting(RunInfo::id).containsExactly(run);
        assertThat(status.resume()).isEqualTo(new StoreStatus.ResumePlan(2, 1, 1, 0, 3, 1));

        clock.set(T0.plus(Duration.ofMinutes(11)));
        StoreStatus later = store.status(3);
        assertThat(later.resume().inFlightExpired()).isEqualTo(3);
        assertThat(later.resume().fetchableNow()).isEqualTo(2 + 1 + 3);
    }
}
