package dev.scout.store;

import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.crawler.engine.Frontier.Lease;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.model.HistoryPoint;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.model.testing.MutableClock;
import dev.scout.scorer.ScoredProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.scout.store.Fixtures.HOSTILE;
import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.snapshot;
import static dev.scout.store.Fixtures.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What every {@link Store} does, as a user of Scout would notice it: the frontier's claims and leases, retries,
 * snapshots and history, stored responses for 304s, scores best first, runs and how they ended, forget, retention
 * and status. One subclass per backend ({@link SqliteStoreContractTest}, {@link PostgresStoreContractTest}) says how
 * to open a store; every test here runs on both.
 */
abstract class StoreContract {
    static final Duration LEASE = Duration.ofMinutes(5);

    protected final MutableClock clock = new MutableClock(T0);
    protected Store store;

    /**
     * Opens the store of the running test: the same database every time within one test (so reopening sees what was
     * written before), an empty one for each test.
     */
    protected abstract Store open(StoreOptions options);

    /** Called once per test before the first {@link #open}; a backend prepares a fresh database here. */
    protected void prepare() {
    }

    @BeforeEach
    void openStore() {
        prepare();
        store = open(options().build());
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected StoreOptions.Builder options() {
        return StoreOptions.builder().clock(clock);
    }

    /** Closes the current store and opens it again with {@code options}. */
    protected Store reopen(StoreOptions options) {
        store.close();
        store = null;
        store = open(options);
        return store;
    }

    private Frontier frontier() {
        return store.frontier();
    }

    @Nested
    class FrontierClaimsAndLeases {

        @Test
        void offerAddsOnlyUnknownReferences() {
            assertThat(frontier().offer(Fixtures.discovered(0, 10))).isEqualTo(10);
            assertThat(frontier().offer(Fixtures.discovered(5, 10))).isEqualTo(5);
            assertThat(frontier().counts()).containsEntry(EntryState.PENDING, 15L).containsEntry(EntryState.DONE, 0L);
        }

        @Test
        void pendingUpToCountsPendingEntriesButStopsAtTheLimit() {
            frontier().offer(Fixtures.discovered(0, 10));
            frontier().claim("w1", 3, clock.instant(), LEASE);
            assertThat(frontier().pendingUpTo(4)).isEqualTo(4);
            assertThat(frontier().pendingUpTo(7)).isEqualTo(7);
            assertThat(frontier().pendingUpTo(100)).isEqualTo(7); // the three in flight are not pending
            assertThat(frontier().pendingUpTo(0)).isZero();
        }

        @Test
        void claimHandsOutShallowEntriesFirstAndMarksThemInFlight() {
            frontier().offer(List.of(new Discovered(ref(1), 2, "follows"), new Discovered(ref(2), 0, "seed"),
                    new Discovered(ref(3), 1, "mention")));
            List<Lease> leases = frontier().claim("w1", 2, clock.instant(), LEASE);
            assertThat(leases).extracting(Lease::ref).containsExactly(ref(2), ref(3));
            assertThat(leases).allSatisfy(l -> {
                assertThat(l.attempts()).isEqualTo(1);
                assertThat(l.leaseUntil()).isEqualTo(T0.plus(LEASE));
            });
            assertThat(frontier().counts()).containsEntry(EntryState.IN_FLIGHT, 2L).containsEntry(EntryState.PENDING, 1L);
        }

        @Test
        void leasedEntryIsNotClaimedAgainBeforeItsLeaseEnds() {
            frontier().offer(Fixtures.discovered(0, 1));
            assertThat(frontier().claim("w1", 5, clock.instant(), LEASE)).hasSize(1);
            assertThat(frontier().claim("w2", 5, clock.instant().plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        }

        @Test
        void expiredLeaseIsReclaimedByAnotherWorkerWithAttemptsCounted() {
            frontier().offer(Fixtures.discovered(0, 1));
            frontier().claim("crashed-worker", 1, clock.instant(), LEASE);
            Instant later = clock.instant().plus(LEASE);
            List<Lease> again = frontier().claim("w2", 1, later, LEASE);
            assertThat(again).singleElement().satisfies(l -> {
                assertThat(l.ref()).isEqualTo(ref(0));
                assertThat(l.attempts()).isEqualTo(2);
                assertThat(l.leaseUntil()).isEqualTo(later.plus(LEASE));
            });
        }

        @Test
        void releasingLeasesAtRunStartMakesAKilledRunsEntriesClaimableAtOnce() {
            frontier().offer(Fixtures.discovered(0, 3));
            frontier().claim("killed-run", 2, clock.instant(), LEASE);
            frontier().complete(ref(0));

            assertThat(store.releaseLeases(clock.instant())).isEqualTo(1);

            assertThat(frontier().counts()).containsEntry(EntryState.IN_FLIGHT, 0L).containsEntry(EntryState.DONE, 1L)
                    .containsEntry(EntryState.PENDING, 2L);
            assertThat(frontier().claim("next-run", 5, clock.instant(), LEASE)).extracting(Lease::ref)
                    .containsExactlyInAnyOrder(ref(1), ref(2));
        }

        @Test
        void completedEntryIsNeverClaimedAgain() {
            frontier().offer(Fixtures.discovered(0, 1));
            frontier().claim("w1", 1, clock.instant(), LEASE);
            frontier().complete(ref(0));
            assertThat(frontier().claim("w1", 1, clock.instant().plus(Duration.ofDays(30)), LEASE)).isEmpty();
            assertThat(frontier().counts()).containsEntry(EntryState.DONE, 1L).containsEntry(EntryState.IN_FLIGHT, 0L);
        }

        @Test
        void failureWithRetryTimeBecomesDueAgainOnlyAtThatTime() {
            frontier().offer(Fixtures.discovered(0, 1));
            frontier().claim("w1", 1, clock.instant(), LEASE);
            Instant retryAt = T0.plus(Duration.ofMinutes(30));
            frontier().fail(ref(0), "HTTP 503 from fika.example", Optional.of(retryAt));
            assertThat(frontier().claim("w1", 1, retryAt.minusSeconds(1), LEASE)).isEmpty();
            assertThat(frontier().claim("w1", 1, retryAt, LEASE)).singleElement()
                    .satisfies(l -> assertThat(l.attempts()).isEqualTo(2));
        }

        @Test
        void failureWithoutRetryAndSkipAreFinalAndKeepTheirReason() {
            frontier().offer(Fixtures.discovered(0, 2));
            frontier().claim("w1", 2, clock.instant(), LEASE);
            frontier().fail(ref(0), "HTTP 410 gone", Optional.empty());
            frontier().skip(ref(1), "opted out (#nobot in bio)");
            assertThat(frontier().claim("w1", 5, clock.instant().plus(Duration.ofDays(1)), LEASE)).isEmpty();
            assertThat(frontier().counts()).containsEntry(EntryState.FAILED, 1L).containsEntry(EntryState.SKIPPED, 1L);
            assertThat(store.status(1).resume().failedFinal()).isEqualTo(1);
            assertThat(store.frontierEntry(ref(1))).hasValueSatisfying(e -> {
                assertThat(e.state()).isEqualTo(EntryState.SKIPPED);
                assertThat(e.reason()).contains("opted out (#nobot in bio)");
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.via()).isEqualTo("seed");
            });
            assertThat(store.frontierEntry(ref(99))).isEmpty();
        }

        @Test
        void deferGivesTheEntryBackUnchangedUntilNotBefore() {
            frontier().offer(Fixtures.discovered(0, 1));
            frontier().claim("w1", 1, clock.instant(), LEASE);
            Instant notBefore = T0.plusSeconds(90);
            frontier().defer(ref(0), notBefore);
            assertThat(frontier().claim("w1", 1, notBefore.minusMillis(1), LEASE)).isEmpty();
            assertThat(frontier().claim("w1", 1, notBefore, LEASE)).singleElement()
                    .satisfies(l -> assertThat(l.attempts()).as("a deferral is not an attempt").isEqualTo(1));
        }

        @Test
        void concurrentWorkersNeverShareAnEntry() throws Exception {
            frontier().offer(Fixtures.discovered(0, 2_000));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<ProfileRef>>> results = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    String worker = "w" + w;
                    results.add(pool.submit(() -> {
                        List<ProfileRef> mine = new ArrayList<>();
                        List<Lease> got;
                        while (!(got = frontier().claim(worker, 7, T0, LEASE)).isEmpty()) {
                            for (Lease l : got) {
                                mine.add(l.ref());
                                frontier().complete(l.ref());
                            }
                        }
                        return mine;
                    }));
                }
                Set<ProfileRef> all = new HashSet<>();
                int total = 0;
                for (Future<List<ProfileRef>> f : results) {
                    List<ProfileRef> mine = f.get();
                    total += mine.size();
                    all.addAll(mine);
                }
                assertThat(total).isEqualTo(2_000);
                assertThat(all).hasSize(2_000);
            } finally {
                pool.shutdownNow();
            }
            assertThat(frontier().counts()).containsEntry(EntryState.DONE, 2_000L);
        }

        @Test
        void stateSurvivesReopeningTheStore() {
            frontier().offer(Fixtures.discovered(0, 3));
            frontier().claim("w1", 1, clock.instant(), LEASE);
            frontier().complete(ref(0));
            reopen(options().build());
            assertThat(store.frontier().counts()).containsEntry(EntryState.DONE, 1L).containsEntry(EntryState.PENDING, 2L);
        }

        @Test
        void requeueStaleMakesOnlyOldFinishedEntriesPendingAgain() {
            frontier().offer(Fixtures.discovered(0, 3));
            frontier().claim("w", 3, T0, Duration.ofMinutes(1));
            frontier().complete(ref(0));
            frontier().skip(ref(1), "opted out");
            clock.advance(Duration.ofDays(5));
            frontier().complete(ref(2));
            int requeued = store.requeueStale(Duration.ofDays(7), T0.plus(Duration.ofDays(8)));
            assertThat(requeued).isEqualTo(2);
            assertThat(frontier().claim("w", 5, T0.plus(Duration.ofDays(8)), Duration.ofMinutes(1)))
                    .extracting(Lease::ref).containsExactlyInAnyOrder(ref(0), ref(1));
        }
    }

    @Nested
    class SnapshotsAndHistory {

        @Test
        void snapshotRoundTripsWithHostileTextIntact() {
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
            ProfileRef r = ref(1);
            store.snapshots().accept(snapshot(r, 1_000, T0, 2));
            store.snapshots().accept(snapshot(r, 1_200, T0.plus(Duration.ofDays(7)), 2));
            ProfileSnapshot latest = store.latestSnapshot(r).orElseThrow();
            assertThat(latest.account().followers().getAsLong()).isEqualTo(1_200);
            assertThat(latest.history()).extracting(HistoryPoint::followers).containsExactly(1_000L);
        }

        @Test
        void sameDayRefetchLeavesHistoryAsIfFetchedOnce() {
            store.snapshots().accept(snapshot(ref(1), 1_000, T0.minus(Duration.ofDays(7)), 2));
            store.snapshots().accept(snapshot(ref(1), 1_100, T0, 2));
            ProfileSnapshot once = store.latestSnapshot(ref(1)).orElseThrow();
            store.snapshots().accept(snapshot(ref(1), 1_100, T0.plus(Duration.ofMinutes(3)), 2)); // again after a crash
            ProfileSnapshot twice = store.latestSnapshot(ref(1)).orElseThrow();
            assertThat(twice.history()).isEqualTo(once.history()).hasSize(1);
        }

        @Test
        void olderSnapshotArrivingLateDoesNotReplaceTheNewest() {
            store.snapshots().accept(snapshot(ref(1), 2_000, T0.plus(Duration.ofDays(2)), 1));
            store.snapshots().accept(snapshot(ref(1), 1_000, T0, 1));
            assertThat(store.latestSnapshot(ref(1)).orElseThrow().account().followers().getAsLong()).isEqualTo(2_000);
            assertThat(store.history(ref(1))).hasSize(2);
        }

        @Test
        void latestSnapshotsStreamsEveryProfileOnceInIdOrderAcrossPages() {
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
        void aSnapshotAcceptedBeforeItsEntryCompletesIsThereWhenTheEntryIsDone() {
            frontier().offer(Fixtures.discovered(0, 50));
            for (Lease l : frontier().claim("w", 50, T0, LEASE)) {
                store.snapshots().accept(snapshot(l.ref(), 1_000, T0, 2));
                frontier().complete(l.ref());
            }
            assertThat(frontier().counts()).containsEntry(EntryState.DONE, 50L);
            for (int i = 0; i < 50; i++) {
                assertThat(store.latestSnapshot(ref(i))).as("snapshot of a done entry").isPresent();
            }
        }

        @Test
        void needsRefreshOnlyWhenNeverCrawledOrStale() {
            Duration week = Duration.ofDays(7);
            assertThat(store.needsRefresh(ref(1), week, T0)).isTrue();
            store.snapshots().accept(snapshot(ref(1), 1_000, T0, 1));
            assertThat(store.needsRefresh(ref(1), week, T0.plus(Duration.ofDays(6)))).isFalse();
            assertThat(store.needsRefresh(ref(1), week, T0.plus(week))).isTrue();
        }
    }

    @Nested
    class TextRetentionRules {

        @Test
        void retentionNoneStoresNoPostTextButKeepsHashtagsAndCounts() {
            reopen(options().textRetention(TextRetention.none()).build());
            store.snapshots().accept(snapshot(ref(1), 1_000, T0, 3));
            ProfileSnapshot back = store.latestSnapshot(ref(1)).orElseThrow();
            assertThat(back.posts()).extracting(Post::text).containsOnly("");
            assertThat(back.posts()).allSatisfy(p -> assertThat(p.hashtags()).contains("vegan"));
            assertThat(back.posts()).extracting(Post::likes).containsExactly(10L, 11L, 12L);
        }

        @Test
        void retentionDropAfterDaysErasesOldTextWhenApplied() {
            reopen(options().textRetention(TextRetention.dropAfterDays(30)).build());
            store.snapshots().accept(snapshot(ref(1), 1_000, T0, 3)); // posts 1, 2 and 3 days before T0
            assertThat(store.latestSnapshot(ref(1)).orElseThrow().posts()).allSatisfy(p -> assertThat(p.text()).isNotEmpty());
            Instant later = T0.plus(Duration.ofDays(28)).plus(Duration.ofHours(1)); // days -2 and -3 now past 30 days
            assertThat(store.applyRetention(later)).isEqualTo(2);
            List<Post> posts = store.latestSnapshot(ref(1)).orElseThrow().posts();
            assertThat(posts.get(0).text()).isNotEmpty();
            assertThat(posts.get(1).text()).isEmpty();
            assertThat(posts.get(2).text()).isEmpty();
        }

        @Test
        void keepingTextErasesNothing() {
            store.snapshots().accept(snapshot(ref(1), 1_000, T0, 3));
            assertThat(store.applyRetention(T0.plus(Duration.ofDays(3_650)))).isZero();
            assertThat(store.latestSnapshot(ref(1)).orElseThrow().posts()).allSatisfy(p -> assertThat(p.text()).isNotEmpty());
        }
    }

    @Nested
    class StoredResponsesFor304s {
        private static final String JSON = "application/json";
        private final URI account = URI.create("https://fika.example/api/v1/accounts/42/statuses?limit=40");

        private FetchOutcome.Fetched response(URI url, String etag, String body) {
            return new FetchOutcome.Fetched(url, 200, Map.of("ETag", List.of(etag),
                    "Link", List.of("<https://fika.example/next>; rel=\"next\""), "Set-Cookie", List.of("session=secret")),
                    body.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
        }

        @Test
        void aStoredResponseComesBackAfterReopeningWithItsBodyAndHeaders() {
            String body = "[{\"content\":\"<p>tofu \\u202e \\uD83C\\uDF31 =cmd|' /C calc'!A0</p>\"}]";
            store.responses().save(account, JSON, ref(1).id(), response(account, "\"v1\"", body));
            reopen(options().build());

            Optional<FetchOutcome.Fetched> found = store.responses().find(account, JSON);

            assertThat(found).hasValueSatisfying(f -> {
                assertThat(f.url()).isEqualTo(account);
                assertThat(f.status()).isEqualTo(200);
                assertThat(f.bodyText()).isEqualTo(body);
                assertThat(f.contentType()).isEqualTo("application/json; charset=utf-8");
                assertThat(f.header("ETag")).contains("\"v1\"");
                assertThat(f.header("Link")).contains("<https://fika.example/next>; rel=\"next\"");
                assertThat(f.header("Set-Cookie")).as("cookies are never stored").isEmpty();
            });
            assertThat(store.responses().find(account, "text/html")).as("keyed by Accept too").isEmpty();
        }

        @Test
        void aNewerResponseReplacesTheOlderAndRemoveDropsIt() {
            store.responses().save(account, JSON, ref(1).id(), response(account, "\"v1\"", "[1]"));
            store.responses().save(account, JSON, ref(1).id(), response(account, "\"v2\"", "[2]"));

            assertThat(store.responses().find(account, JSON)).hasValueSatisfying(f -> {
                assertThat(f.bodyText()).isEqualTo("[2]");
                assertThat(f.header("ETag")).contains("\"v2\"");
            });

            store.responses().remove(account, JSON);
            assertThat(store.responses().find(account, JSON)).isEmpty();
        }

        @Test
        void keepsOnlyResponsesOwnedByAProfileSoThatForgetCanRemoveThem() {
            URI tag = URI.create("https://fika.example/api/v1/timelines/tag/vegan");
            store.responses().save(tag, JSON, "#vegan on fika.example", response(tag, "\"t\"", "[]"));

            assertThat(store.responses().find(tag, JSON)).isEmpty();
        }

        @Test
        void keepsNoBodiesWhenPostTextIsNotKept() {
            assertThat(reopen(options().textRetention(TextRetention.none()).build()).responses())
                    .isSameAs(ResponseStore.NONE);
            assertThat(reopen(options().textRetention(TextRetention.dropAfterDays(30)).build()).responses())
                    .isSameAs(ResponseStore.NONE);
        }
    }

    @Nested
    class RunsAndScores {

        @Test
        void runsAreListedNewestFirstWithTimesStatusAndCounters() {
            long first = store.startRun("cfg-a", "0.1.0");
            clock.advance(Duration.ofMinutes(10));
            store.finishRun(first, RunInfo.RunStatus.COMPLETED, Map.of("fetched", 120L, "flagged", 7L));
            long second = store.startRun("cfg-b", "0.1.0");
            List<RunInfo> runs = store.lastRuns(5);
            assertThat(runs).extracting(RunInfo::id).containsExactly(second, first);
            RunInfo done = runs.get(1);
            assertThat(done.status()).isEqualTo(RunInfo.RunStatus.COMPLETED);
            assertThat(done.configHash()).isEqualTo("cfg-a");
            assertThat(done.startedAt()).isEqualTo(T0);
            assertThat(done.finishedAt()).contains(T0.plus(Duration.ofMinutes(10)));
            assertThat(done.counters()).containsEntry("fetched", 120L).containsEntry("flagged", 7L);
            assertThat(runs.get(0).status()).isEqualTo(RunInfo.RunStatus.RUNNING);
            assertThat(runs.get(0).finishedAt()).isEmpty();
        }

        @Test
        void everyWayARunEndsIsRecordedWithItsReason() {
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
            long run = store.startRun("cfg", "0.1.0");
            store.finishRun(run, RunInfo.RunStatus.FAILED, "first line\nsecond " + "x".repeat(1_000), Map.of());
            String reason = store.lastRuns(1).get(0).reason();
            assertThat(reason).doesNotContain("\n").startsWith("first line second")
                    .hasSizeLessThanOrEqualTo(RunInfo.MAX_REASON);
        }

        @Test
        void finishingAnUnknownRunIsAClearError() {
            assertThatThrownBy(() -> store.finishRun(42, RunInfo.RunStatus.COMPLETED, Map.of()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("no run 42");
        }

        @Test
        void scoresRoundTripAndStreamBestFirstAcrossPages() {
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
        void equalScoresComeInIdOrderAndASecondSaveReplacesTheVerdict() {
            long run = store.startRun("cfg", "0.1.0");
            store.saveScores(run, List.of(verdict(ref(3), 50, false), verdict(ref(1), 50, false),
                    verdict(ref(2), 50, false)).iterator());
            store.saveScores(run, List.of(verdict(ref(2), 80, true)).iterator());
            List<ScoredProfile> back = new ArrayList<>();
            store.scores(run).forEachRemaining(back::add);
            assertThat(back).extracting(p -> p.account().id()).containsExactly(ref(2).id(), ref(1).id(), ref(3).id());
            assertThat(back.get(0).flagged()).isTrue();
        }

        @Test
        void scoresOfDifferentRunsStayApart() {
            long a = store.startRun("cfg", "0.1.0");
            long b = store.startRun("cfg", "0.1.0");
            store.saveScores(a, List.of(verdict(ref(1), 50, true)).iterator());
            store.saveScores(b, List.of(verdict(ref(1), 70, false), verdict(ref(2), 10, false)).iterator());
            List<ScoredProfile> ofA = new ArrayList<>();
            store.scores(a).forEachRemaining(ofA::add);
            assertThat(ofA).singleElement().satisfies(p -> assertThat(p.score()).isEqualTo(50));
        }
    }

    @Nested
    class ForgetAndStatus {

        private void everythingAbout(ProfileRef r, long run) {
            store.frontier().offer(List.of(new Discovered(r, 0, "seed")));
            store.frontier().claim("w", 10, T0, Duration.ofMinutes(1));
            store.snapshots().accept(snapshot(r, 1_000, T0, 3));
            store.snapshots().accept(snapshot(r, 1_100, T0.plus(Duration.ofDays(1)), 3));
            store.frontier().complete(r);
            URI url = URI.create("https://fika.example/api/v1/accounts/" + r.value());
            store.responses().save(url, "application/json", r.id(), new FetchOutcome.Fetched(url, 200,
                    Map.of("ETag", List.of("\"e\"")), "{}".getBytes(StandardCharsets.UTF_8), "application/json"));
            store.saveScores(run, List.of(verdict(r, 50, true)).iterator());
        }

        @Test
        void forgetRemovesEverythingAboutTheProfileAndNothingElse() {
            long run = store.startRun("cfg", "0.1.0");
            everythingAbout(ref(1), run);
            everythingAbout(ref(2), run);

            long deleted = store.forget(ref(1));

            assertThat(deleted).isEqualTo(1 + 2 + 3 + 1 + 1); // frontier, snapshots, posts, scores, responses
            assertThat(store.latestSnapshot(ref(1))).isEmpty();
            assertThat(store.history(ref(1))).isEmpty();
            assertThat(store.frontierEntry(ref(1))).isEmpty();
            assertThat(store.responses().find(URI.create("https://fika.example/api/v1/accounts/" + ref(1).value()),
                    "application/json")).isEmpty();
            List<ScoredProfile> scores = new ArrayList<>();
            store.scores(run).forEachRemaining(scores::add);
            assertThat(scores).extracting(p -> p.account().id()).containsExactly(ref(2).id());
            assertThat(store.latestSnapshot(ref(2))).isPresent();
            assertThat(store.history(ref(2))).hasSize(2);
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

        @Test
        void statusListsTransientlyWaitingEntriesWithAttemptsAndDueTimeApartFromPermanentFailures() {
            store.frontier().offer(Fixtures.discovered(0, 5));
            store.frontier().claim("w", 5, T0, Duration.ofMinutes(10));
            store.frontier().fail(ref(0), "HTTP 503; a later run retries it", Optional.of(T0.plus(Duration.ofHours(1))));
            store.frontier().fail(ref(1), "robots.txt unavailable", Optional.of(T0.plus(Duration.ofMinutes(2))));
            store.frontier().fail(ref(2), "no such account (HTTP 404)", Optional.empty());
            store.frontier().complete(ref(3));
            store.frontier().defer(ref(4), T0.plus(Duration.ofMinutes(10))); // host busy: not a failure
            store.frontier().claim("w", 5, T0.plus(Duration.ofMinutes(3)), Duration.ofMinutes(10)); // ref(1) again
            store.frontier().fail(ref(1), "robots.txt unavailable", Optional.of(T0.plus(Duration.ofMinutes(30))));

            FrontierIssues issues = store.status().issues();

            assertThat(issues.waitingCount()).isEqualTo(2);
            assertThat(issues.waiting()).containsExactly(
                    new FrontierIssues.Waiting(ref(1).id(), 2, T0.plus(Duration.ofMinutes(30)), "robots.txt unavailable"),
                    new FrontierIssues.Waiting(ref(0).id(), 1, T0.plus(Duration.ofHours(1)),
                            "HTTP 503; a later run retries it"));
            assertThat(issues.failedCount()).isEqualTo(1);
            assertThat(issues.failed()).containsExactly(
                    new FrontierIssues.Failed(ref(2).id(), 1, "no such account (HTTP 404)"));
            assertThat(store.status().frontier().values().stream().mapToLong(m -> m.get(EntryState.PENDING)).sum())
                    .as("the busy-host entry is pending but not waiting for a retry").isEqualTo(3);
        }

        @Test
        void aClosedStoreRefusesWorkWithAClearError() {
            store.close();
            Store closed = store;
            store = null;
            assertThatThrownBy(() -> closed.startRun("cfg", "0.1.0")).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.CLOSED));
            store = open(options().build());
        }
    }
}
