package dev.scout.store;

import dev.scout.model.testing.MutableClock;
import dev.scout.model.HistoryPoint;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static dev.scout.store.Fixtures.HOSTILE;
import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SnapshotStoreTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;

    private SqliteStore open(TextRetention retention) {
        store = SqliteStore.open(dir.resolve("scout.db"),
                StoreOptions.builder().clock(clock).textRetention(retention).build());
        return store;
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void snapshotRoundTripsWithHostileTextIntact() {
        open(TextRetention.keep());
        ProfileSnapshot s = snapshot(ref(1), 4_200, T0, 12).withFollowerSample(List.of(
                dev.scout.model.Account.builder(ref(900)).bio(HOSTILE).followers(12).following(4_800).hasAvatar(false).build(),
                dev.scout.model.Account.builder(ref(901)).build()));
        store.snapshots().accept(s);
        ProfileSnapshot back = store.latestSnapshot(ref(1)).orElseThrow();
        assertThat(back).isEqualTo(s);
        assertThat(back.account().bio()).isEqualTo(HOSTILE);
    }

    @Test
    void historyHasOnePointPerDayTheLastOfThatDay() {
        open(TextRetention.keep());
        ProfileRef r = ref(1);
        store.snapshots().accept(snapshot(r, 1_000, T0, 3));
        store.snapshots().accept(snapshot(r, 1_100, T0.plus(Duration.ofHours(5)), 3));
        store.snapshots().accept(snapshot(r, 1_500, T0.plus(Duration.ofDays(1)), 3));
        store.snapshots().accept(snapshot(r, 9_000, T0.plus(Duration.ofDays(3)), 3));
        List<HistoryPoint> history = store.history(r);
        assertThat(history).extracting(HistoryPoint::followers).containsExactly(1_100L, 1_500L, 9_000L);
        assertThat(history.get(0).observedAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        // 3 posts, one every day, none a repost: engagements 13, 14, 15 → median 14 per 1,100 followers.
        assertThat(history.get(0).engagementRate().getAsDouble()).isCloseTo(14.0 / 1_100, within(1e-12));
    }

    @Test
    void latestSnapshotCarriesEarlierDaysAsHistory() {
        open(TextRetention.keep());
        ProfileRef r = ref(1);
        store.snapshots().accept(snapshot(r, 1_000, T0, 2));
        store.snapshots().accept(snapshot(r, 1_200, T0.plus(Duration.ofDays(7)), 2));
        ProfileSnapshot latest = store.latestSnapshot(r).orElseThrow();
        assertThat(latest.account().followers().getAsLong()).isEqualTo(1_200);
        assertThat(latest.history()).extracting(HistoryPoint::followers).containsExactly(1_000L);
    }

    @Test
    void sameDayRefetchLeavesHistoryAsIfFetchedOnce() {
        open(TextRetention.keep());
        store.snapshots().accept(snapshot(ref(1), 1_000, T0.minus(Duration.ofDays(7)), 2));
        store.snapshots().accept(snapshot(ref(1), 1_100, T0, 2));
        ProfileSnapshot once = store.latestSnapshot(ref(1)).orElseThrow();
        store.snapshots().accept(snapshot(ref(1), 1_100, T0.plus(Duration.ofMinutes(3)), 2)); // fetched again after a crash
        ProfileSnapshot twice = store.latestSnapshot(ref(1)).orElseThrow();
        assertThat(twice.history()).isEqualTo(once.history()).hasSize(1);
    }

    @Test
    void olderSnapshotArrivingLateDoesNotReplaceTheNewest() {
        open(TextRetention.keep());
        store.snapshots().accept(snapshot(ref(1), 2_000, T0.plus(Duration.ofDays(2)), 1));
        store.snapshots().accept(snapshot(ref(1), 1_000, T0, 1));
        assertThat(store.latestSnapshot(ref(1)).orElseThrow().account().followers().getAsLong()).isEqualTo(2_000);
        assertThat(store.history(ref(1))).hasSize(2);
    }

    @Test
    void latestSnapshotsStreamsEveryProfileOnceInIdOrderAcrossPages() {
        open(TextRetention.keep());
        int n = 700; // several pages of 256
        for (int i = 0; i < n; i++) {
            store.snapshots().accept(snapshot(ref(i), 1_000 + i, T0, 1));
            store.snapshots().accept(snapshot(ref(i), 2_000 + i, T0.plus(Duration.ofDays(1)), 1));
        }
        List<String> ids = new ArrayList<>();
        Iterator<ProfileSnapshot> it = store.latestSnapshots();
        while (it.hasNext()) {
            ProfileSnapshot s = it.next();
            assertThat(s.account().followers().getAsLong()).isGreaterThanOrEqualTo(2_000);
            assertThat(s.history()).hasSize(1);
            ids.add(s.id());
        }
        assertThat(ids).hasSize(n).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void needsRefreshOnlyWhenNeverCrawledOrStale() {
        open(TextRetention.keep());
        Duration week = Duration.ofDays(7);
        assertThat(store.needsRefresh(ref(1), week, T0)).isTrue();
        store.snapshots().accept(snapshot(ref(1), 1_000, T0, 1));
        assertThat(store.needsRefresh(ref(1), week, T0.plus(Duration.ofDays(6)))).isFalse();
        assertThat(store.needsRefresh(ref(1), week, T0.plus(week))).isTrue();
    }

    @Test
    void requeueStaleMakesOnlyOldFinishedEntriesPendingAgain() {
        open(TextRetention.keep());
        store.frontier().offer(Fixtures.discovered(0, 3));
        store.frontier().claim("w", 3, T0, Duration.ofMinutes(1));
        store.frontier().complete(ref(0));
        store.frontier().skip(ref(1), "opted out");
        clock.advance(Duration.ofDays(5));
        store.frontier().complete(ref(2));
        int requeued = store.requeueStale(Duration.ofDays(7), T0.plus(Duration.ofDays(8)));
        assertThat(requeued).isEqualTo(2);
        assertThat(store.frontier().claim("w", 5, T0.plus(Duration.ofDays(8)), Duration.ofMinutes(1)))
                .extracting(l -> l.ref()).containsExactlyInAnyOrder(ref(0), ref(1));
    }

    @Test
    void retentionNoneStoresNoPostTextButKeepsHashtagsAndCounts() {
        open(TextRetention.none());
        store.snapshots().accept(snapshot(ref(1), 1_000, T0, 3));
        ProfileSnapshot back = store.latestSnapshot(ref(1)).orElseThrow();
        assertThat(back.posts()).extracting(Post::text).containsOnly("");
        assertThat(back.posts()).allSatisfy(p -> assertThat(p.hashtags()).contains("vegan"));
        assertThat(back.posts()).extracting(Post::likes).containsExactly(10L, 11L, 12L);
    }

    @Test
    void retentionDropAfterDaysErasesOldTextWhenApplied() {
        open(TextRetention.dropAfterDays(30));
        store.snapshots().accept(snapshot(ref(1), 1_000, T0, 3)); // posts 1, 2 and 3 days before T0
        assertThat(store.latestSnapshot(ref(1)).orElseThrow().posts()).allSatisfy(p -> assertThat(p.text()).isNotEmpty());
        Instant later = T0.plus(Duration.ofDays(28)).plus(Duration.ofHours(1)); // posts of days -2 and -3 now older than 30 days
        assertThat(store.applyRetention(later)).isEqualTo(2);
        List<Post> posts = store.latestSnapshot(ref(1)).orElseThrow().posts();
        assertThat(posts.get(0).text()).isNotEmpty();
        assertThat(posts.get(1).text()).isEmpty();
        assertThat(posts.get(2).text()).isEmpty();
    }
}
