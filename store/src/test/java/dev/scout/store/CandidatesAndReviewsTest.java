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

    /** A verdict with the facts the list filters on. */
    static ScoredProfile candidate(ProfileRef ref, double score, boolean flagged, String tier, String grade,
                                   boolean suspicious, long followers) {
        ScoredProfile v = verdict(ref, score, flagged);
        Account a = Account.builder(ref).handle(ref.value()).displayName("Cook " + ref.value()).followers(followers).build();
        return new ScoredProfile(a, v.crawledAt(), v.postsAnalyzed(), new ScoredProfile.Tier(tier, "band"),
                new ScoredProfile.Engagement(OptionalDouble.of(score / 1000), "d", "d", grade, OptionalDouble.empty(),
                        "b", List.of()),
                v.niche(), v.sponsorship(),
                new ScoredProfile.Authenticity(suspicious, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), 0, List.of()),
                v.cost(), v.contactEmail(), score, v.components(), flagged, v.gates(), v.scoreVersion());
    }

    private long runOf(int n) {
        long run = store.startRun("cfg", "0.1.0");
        List<ScoredProfile> verdicts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            verdicts.add(candidate(ref(i), i % 100, i % 3 == 0, i % 2 == 0 ? "micro" : "nano",
                    i % 5 == 0 ? "high" : "average", i % 7 == 0, 1_000L + i));
        }
        store.saveScores(run, verdicts.iterator());
        return run;
    }

    @Test
    void pagesCoverEveryMatchingVerdictOnceInScoreOrder() {
        long run = runOf(230);
        CandidateQuery q = CandidateQuery.of(run).withTier("micro").page(0, 40);
        Set<String> seen = new HashSet<>();
        double last = Double.MAX_VALUE;
        long total = -1;
        for (long offset = 0; ; offset += 40) {
            CandidatePage page = store.candidates(q.page(offset, 40));
            total = page.total();
            if (page.rows().isEmpty()) {
                break;
            }
            for (CandidateRow row : page.rows()) {
                assertThat(row.tier()).isEqualTo("micro");
                assertThat(row.score()).isLessThanOrEqualTo(last);
                last = row.score();
                assertThat(seen.add(row.refId())).as("seen once: " + row.refId()).isTrue();
            }
        }
        assertThat(total).isEqualTo(115);
        assertThat(seen).hasSize(115);
    }

    @Test
    void filtersCombineAndCountMatchesTheFilter() {
        long run = runOf(210);
        CandidatePage page = store.candidates(CandidateQuery.of(run).withFlagged(true).withGrade("high")
                .withSuspicious(false).withPlatform("mastodon")
                .withScoreRange(OptionalDouble.of(20), OptionalDouble.of(60)).page(0, 500));
        assertThat(page.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.flagged()).isTrue();
            assertThat(r.grade()).isEqualTo("high");
            assertThat(r.suspicious()).isFalse();
            assertThat(r.score()).isBetween(20.0, 60.0);
        });
        assertThat(page.total()).isEqualTo(page.rows().size());
        assertThat(store.candidates(CandidateQuery.of(run).withPlatform("bluesky")).total()).isZero();
        assertThat(store.candidates(CandidateQuery.of(run).withNiche("plant-based cooking")).total()).isEqualTo(210);
    }

    @Test
    void sortsByFollowersAscending() {
        long run = runOf(50);
        List<CandidateRow> rows = store.candidates(CandidateQuery.of(run).sortedBy(Sort.FOLLOWERS, false).page(0, 5)).rows();
        assertThat(rows).extracting(r -> r.followers().getAsLong()).containsExactly(1_000L, 1_001L, 1_002L, 1_003L, 1_004L);
    }

    @Test
    void reviewIsKeptByProfileAcrossRunsAndFiltersTheList() {
        long first = runOf(20);
        store.saveReview(new Review(ref(3), ReviewStatus.UNDECIDED, "", "ana", T0));
        store.saveReview(new Review(ref(3), ReviewStatus.SHORTLISTED, "great <b>fit</b>", "ana", T0.plusSeconds(60)));
        store.saveReview(new Review(ref(4), ReviewStatus.REJECTED, "bought followers", "bo", T0));
        long second = runOf(20);

        assertThat(store.review(ref(3))).get().satisfies(r -> {
            assertThat(r.status()).isEqualTo(ReviewStatus.SHORTLISTED);
            assertThat(r.note()).isEqualTo("great <b>fit</b>");
            assertThat(r.reviewedAt()).isEqualTo(T0.plusSeconds(60));
        });
        for (long run : List.of(first, second)) {
            assertThat(store.candidates(CandidateQuery.of(run).withReview(ReviewFilter.SHORTLISTED)).rows())
                    .extracting(CandidateRow::refId).containsExactly(ref(3).id());
            assertThat(store.candidates(CandidateQuery.of(run).withReview(ReviewFilter.REVIEWED)).total()).isEqualTo(2);
            assertThat(store.candidates(CandidateQuery.of(run).withReview(ReviewFilter.UNREVIEWED)).total()).isEqualTo(18);
        }
        assertThat(store.reviews()).toIterable().extracting(r -> r.ref().id()).containsExactly(ref(3).id(), ref(4).id());
        assertThat(store.applyRetention(T0.plusSeconds(86_400L * 400))).isNotNegative();
        assertThat(store.review(ref(4))).isPresent();
    }

    @Test
    void reviewNeedsAReviewerName() {
        assertThatThrownBy(() -> new Review(ref(1), ReviewStatus.REJECTED, "x", "  ", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewer");
    }

    @Test
    void oneVerdictIsReadByRunAndProfile() {
        long run = runOf(5);
        assertThat(store.score(run, ref(2))).get().extracting(ScoredProfile::score).isEqualTo(2.0);
        assertThat(store.score(run, new ProfileRef(Platform.BLUESKY, "nobody.example"))).isEmpty();
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
                ScoredProfile v = candidate(ref(7), 64.5, true, "micro", "high", true, 12_345);
                ps.setString(1, ref(7).id());
                ps.setDouble(2, 64.5);
                ps.setString(3, new Json(old).write(v, "test verdict"));
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
