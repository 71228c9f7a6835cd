package dev.scout.app.pipeline;

import dev.scout.app.export.ScoredProfileFixtures;
import dev.scout.model.Account;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.Scorer;
import dev.scout.store.SqliteStore;
import dev.scout.store.Store;
import dev.scout.store.StoreOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScoreRunTest {
    private static final Instant CRAWLED = Instant.parse("2026-11-20T10:00:00Z");

    /** Score = the number in the user name; flagged when it is a multiple of 7. */
    private static final Scorer BY_NAME = snapshot -> {
        String user = snapshot.account().ref().mastodonUser();
        int n = Integer.parseInt(user.substring(1));
        return ScoredProfileFixtures.mastodon(user, "a.example").score(n % 100).flagged(n % 7 == 0).build();
    };

    @Test
    void storesEveryVerdictAndKeepsOnlyCountsAndTheBestFlagged() {
        try (Store store = SqliteStore.inMemory(StoreOptions.builder().build())) {
            int n = 1_000;
            for (int i = 0; i < n; i++) {
                store.snapshots().accept(new ProfileSnapshot(
                        Account.builder(ProfileRef.mastodon("u" + i, "a.example")).followers(5_000L).build(), List.of(), CRAWLED));
            }
            long run = store.startRun("hash", "v");

            ScoreRun result = ScoreRun.score(store, run, BY_NAME, 3);

            assertThat(result.scored()).isEqualTo(n);
            assertThat(result.flagged()).isEqualTo(143);
            // Flagged multiples of 7 by score: 399 (99), then 798 and 98 (98, ties by id).
            assertThat(result.topFlagged()).extracting(p -> p.account().id())
                    .containsExactly("mastodon:u399@a.example", "mastodon:u798@a.example", "mastodon:u98@a.example");

            List<ScoredProfile> stored = new ArrayList<>();
            store.scores(run).forEachRemaining(stored::add);
            assertThat(stored).hasSize(n);
            assertThat(stored).isSortedAccordingTo(ScoreRun.BEST_FIRST);
        }
    }
}
