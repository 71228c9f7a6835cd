package dev.scout.store;

import dev.scout.model.testing.MutableClock;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.crawler.engine.Frontier.Lease;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

class FrontierLeaseTest {
    private static final Duration LEASE = Duration.ofMinutes(5);

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);
    private SqliteStore store;
    private Frontier frontier;

    @BeforeEach
    void open() {
        store = SqliteStore.open(dir.resolve("scout.db"), StoreOptions.builder().clock(clock).build());
        frontier = store.frontier();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void offerAddsOnlyUnknownReferences() {
        assertThat(frontier.offer(Fixtures.discovered(0, 10))).isEqualTo(10);
        assertThat(frontier.offer(Fixtures.discovered(5, 10))).isEqualTo(5);
        assertThat(frontier.counts()).containsEntry(EntryState.PENDING, 15L).containsEntry(EntryState.DONE, 0L);
    }

    @Test
    void pendingUpToCountsPendingEntriesButStopsAtTheLimit() {
        frontier.offer(Fixtures.discovered(0, 10));
        frontier.claim("w1", 3, clock.instant(), LEASE);
        assertThat(frontier.pendingUpTo(4)).isEqualTo(4);
        assertThat(frontier.pendingUpTo(7)).isEqualTo(7);
        assertThat(frontier.pendingUpTo(100)).isEqualTo(7); // the three in flight are not pending
        assertThat(frontier.pendingUpTo(0)).isZero();
    }

    @Test
    void claimHandsOutShallowEntriesFirstAndMarksThemInFlight() {
        frontier.offer(List.of(new Discovered(ref(1), 2, "follows"), new Discovered(ref(2), 0, "seed"),
                new Discovered(ref(3), 1, "mention")));
        List<Lease> leases = frontier.claim("w1", 2, clock.instant(), LEASE);
        assertThat(leases).extracting(Lease::ref).containsExactly(ref(2), ref(3));
        assertThat(leases).allSatisfy(l -> {
            assertThat(l.attempts()).isEqualTo(1);
            assertThat(l.leaseUntil()).isEqualTo(T0.plus(LEASE));
        });
        assertThat(frontier.counts()).containsEntry(EntryState.IN_FLIGHT, 2L).containsEntry(EntryState.PENDING, 1L);
    }

    @Test
    void leasedEntryIsNotClaimedAgainBeforeItsLeaseEnds() {
        frontier.offer(Fixtures.discovered(0, 1));
        assertThat(frontier.claim("w1", 5, clock.instant(), LEASE)).hasSize(1);
        assertThat(frontier.claim("w2", 5, clock.instant().plus(LEASE).minusMillis(1), LEASE)).isEmpty();
    }

    @Test
    void expiredLeaseIsReclaimedByAnotherWorkerWithAttemptsCounted() {
        frontier.offer(Fixtures.discovered(0, 1));
        frontier.claim("crashed-worker", 1, clock.instant(), LEASE);
        Instant later = clock.instant().plus(LEASE);
        List<Lease> again = frontier.claim("w2", 1, later, LEASE);
        assertThat(again).singleElement().satisfies(l -> {
            assertThat(l.ref()).isEqualTo(ref(0));
            assertThat(l.attempts()).isEqualTo(2);
            assertThat(l.leaseUntil()).isEqualTo(later.plus(LEASE));
        });
    }

    @Test
    void releasingLeasesAtRunStartMakesAKilledRunsEntriesClaimableAtOnce() {
        frontier.offer(Fixtures.discovered(0, 3));
        frontier.claim("killed-run", 2, clock.instant(), LEASE);
        frontier.complete(ref(0));

        assertThat(store.releaseLeases(clock.instant())).isEqualTo(1);

        assertThat(frontier.counts()).containsEntry(EntryState.IN_FLIGHT, 0L).containsEntry(EntryState.DONE, 1L)
                .containsEntry(EntryState.PENDING, 2L);
        assertThat(frontier.claim("next-run", 5, clock.instant(), LEASE)).extracting(Lease::ref)
                .containsExactlyInAnyOrder(ref(1), ref(2));
    }

    @Test
    void completedEntryIsNeverClaimedAgain() {
        frontier.offer(Fixtures.discovered(0, 1));
        frontier.claim("w1", 1, clock.instant(), LEASE);
        frontier.complete(ref(0));
        assertThat(frontier.claim("w1", 1, clock.instant().plus(Duration.ofDays(30)), LEASE)).isEmpty();
        assertThat(frontier.counts()).containsEntry(EntryState.DONE, 1L).containsEntry(EntryState.IN_FLIGHT, 0L);
    }

    @Test
    void failureWithRetryTimeBecomesDueAgainOnlyAtThatTime() {
        frontier.offer(Fixtures.discovered(0, 1));
        frontier.claim("w1", 1, clock.instant(), LEASE);
        Instant retryAt = T0.plus(Duration.ofMinutes(30));
        frontier.fail(ref(0), "HTTP 503 from fika.example", Optional.of(retryAt));
        assertThat(frontier.claim("w1", 1, retryAt.minusSeconds(1), LEASE)).isEmpty();
        assertThat(frontier.claim("w1", 1, retryAt, LEASE)).singleElement()
                .satisfies(l -> assertThat(l.attempts()).isEqualTo(2));
    }

    @Test
    void failureWithoutRetryAndSkipAreFinal() {
        frontier.offer(Fixtures.discovered(0, 2));
        frontier.claim("w1", 2, clock.instant(), LEASE);
        frontier.fail(ref(0), "HTTP 410 gone", Optional.empty());
        frontier.skip(ref(1), "opted out (#nobot in bio)");
        assertThat(frontier.claim("w1", 5, clock.instant().plus(Duration.ofDays(1)), LEASE)).isEmpty();
        assertThat(frontier.counts()).containsEntry(EntryState.FAILED, 1L).containsEntry(EntryState.SKIPPED, 1L);
        assertThat(store.status(1).resume().failedFinal()).isEqualTo(1);
    }

    @Test
    void deferGivesTheEntryBackUnchangedUntilNotBefore() {
        frontier.offer(Fixtures.discovered(0, 1));
        frontier.claim("w1", 1, clock.instant(), LEASE);
        Instant notBefore = T0.plusSeconds(90);
        frontier.defer(ref(0), notBefore);
        assertThat(frontier.claim("w1", 1, notBefore.minusMillis(1), LEASE)).isEmpty();
        assertThat(frontier.claim("w1", 1, notBefore, LEASE)).singleElement()
                .satisfies(l -> assertThat(l.attempts()).as("a deferral is not an attempt").isEqualTo(1));
    }

    @Test
    void concurrentWorkersNeverShareAnEntry() throws Exception {
        frontier.offer(Fixtures.discovered(0, 2_000));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ProfileRef>>> results = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                String worker = "w" + w;
                results.add(pool.submit(() -> {
                    List<ProfileRef> mine = new ArrayList<>();
                    List<Lease> got;
                    while (!(got = frontier.claim(worker, 7, T0, LEASE)).isEmpty()) {
                        for (Lease l : got) {
                            mine.add(l.ref());
                            frontier.complete(l.ref());
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
        assertThat(frontier.counts()).containsEntry(EntryState.DONE, 2_000L);
    }

    @Test
    void stateSurvivesReopeningTheFile() {
        frontier.offer(Fixtures.discovered(0, 3));
        frontier.claim("w1", 1, clock.instant(), LEASE);
        frontier.complete(ref(0));
        store.close();
        store = SqliteStore.open(dir.resolve("scout.db"), StoreOptions.builder().clock(clock).build());
        assertThat(store.frontier().counts()).containsEntry(EntryState.DONE, 1L).containsEntry(EntryState.PENDING, 2L);
    }
}
