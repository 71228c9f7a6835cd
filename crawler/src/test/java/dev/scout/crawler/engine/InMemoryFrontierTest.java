package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryFrontierTest {
    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final InMemoryFrontier frontier = new InMemoryFrontier();

    private static Frontier.Discovered d(String user, int depth) {
        return new Frontier.Discovered(ProfileRef.mastodon(user, "a.example"), depth, "test");
    }

    @Test
    void offerIgnoresKnownProfilesAndCountsOnlyNewOnes() {
        assertThat(frontier.offer(List.of(d("a", 0), d("b", 1)))).isEqualTo(2);
        assertThat(frontier.offer(List.of(d("a", 2), d("c", 1)))).isEqualTo(1);
        assertThat(frontier.entry(ProfileRef.mastodon("a", "a.example")).orElseThrow().depth()).isZero();
        assertThat(frontier.counts()).containsEntry(Frontier.EntryState.PENDING, 3L);
    }

    @Test
    void pendingUpToStopsAtTheLimit() {
        frontier.offer(List.of(d("a", 0), d("b", 0), d("c", 0)));
        frontier.claim("w1", 1, T0, LEASE);
        assertThat(frontier.pendingUpTo(1)).isEqualTo(1);
        assertThat(frontier.pendingUpTo(10)).isEqualTo(2);
    }

    @Test
    void claimsShallowestFirstAndLeasesThem() {
        frontier.offer(List.of(d("deep", 2), d("seed", 0), d("mid", 1)));

        List<Frontier.Lease> leases = frontier.claim("w1", 2, T0, LEASE);

        assertThat(leases).extracting(l -> l.ref().mastodonUser()).containsExactly("seed", "mid");
        assertThat(leases).allSatisfy(l -> {
            assertThat(l.attempts()).isEqualTo(1);
            assertThat(l.leaseUntil()).isEqualTo(T0.plus(LEASE));
        });
        assertThat(frontier.claim("w2", 5, T0, LEASE)).extracting(l -> l.ref().mastodonUser()).containsExactly("deep");
        assertThat(frontier.claim("w3", 5, T0, LEASE)).isEmpty();
    }

    @Test
    void expiredLeaseMakesTheEntryClaimableAgain() {
        frontier.offer(List.of(d("a", 0)));
        frontier.claim("crashed", 1, T0, LEASE);

        assertThat(frontier.claim("w", 1, T0.plus(LEASE).minusSeconds(1), LEASE)).isEmpty();
        List<Frontier.Lease> again = frontier.claim("w", 1, T0.plus(LEASE), LEASE);

        assertThat(again).singleElement().satisfies(l -> assertThat(l.attempts()).isEqualTo(2));
    }

    @Test
    void failWithRetryTimeComesBackOnlyWhenDue() {
        frontier.offer(List.of(d("a", 0)));
        ProfileRef a = frontier.claim("w", 1, T0, LEASE).get(0).ref();

        frontier.fail(a, "503", Optional.of(T0.plusSeconds(30)));

        assertThat(frontier.claim("w", 1, T0.plusSeconds(29), LEASE)).isEmpty();
        assertThat(frontier.claim("w", 1, T0.plusSeconds(30), LEASE)).hasSize(1);
    }

    @Test
    void finalStatesKeepTheirReason() {
        frontier.offer(List.of(d("a", 0), d("b", 0), d("c", 0)));
        frontier.claim("w", 3, T0, LEASE);

        frontier.complete(ProfileRef.mastodon("a", "a.example"));
        frontier.fail(ProfileRef.mastodon("b", "a.example"), "not found", Optional.empty());
        frontier.skip(ProfileRef.mastodon("c", "a.example"), "locked");

        assertThat(frontier.counts()).containsEntry(Frontier.EntryState.DONE, 1L)
                .containsEntry(Frontier.EntryState.FAILED, 1L).containsEntry(Frontier.EntryState.SKIPPED, 1L)
                .containsEntry(Frontier.EntryState.PENDING, 0L).containsEntry(Frontier.EntryState.IN_FLIGHT, 0L);
        assertThat(frontier.entry(ProfileRef.mastodon("c", "a.example")).orElseThrow().reason()).isEqualTo("locked");
        assertThat(frontier.claim("w", 3, T0.plus(Duration.ofDays(1)), LEASE)).isEmpty();
    }

    @Test
    void deferGivesTheEntryBackWithoutCountingAnAttempt() {
        frontier.offer(List.of(d("a", 0)));
        ProfileRef a = frontier.claim("w", 1, T0, LEASE).get(0).ref();

        frontier.defer(a, T0.plusSeconds(1));

        assertThat(frontier.claim("w", 1, T0, LEASE)).isEmpty();
        assertThat(frontier.claim("w", 1, T0.plusSeconds(1), LEASE)).singleElement()
                .satisfies(l -> assertThat(l.attempts()).isEqualTo(1));
    }

    @Test
    void unknownProfileIsAClearError() {
        assertThatThrownBy(() -> frontier.complete(ProfileRef.mastodon("ghost", "a.example")))
                .hasMessageContaining("mastodon:ghost@a.example");
    }

    @Test
    void concurrentClaimsNeverHandOutTheSameEntryTwice() throws Exception {
        List<Frontier.Discovered> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(d("u" + i, i % 3));
        }
        frontier.offer(all);
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                List<Frontier.Lease> got;
                while (!(got = frontier.claim(Thread.currentThread().getName(), 7, T0, LEASE)).isEmpty()) {
                    got.forEach(l -> {
                        if (!claimed.add(l.ref().id())) {
                            duplicates.add(l.ref().id());
                        }
                    });
                }
            }, "claimer-" + t);
            threads.add(th);
            th.start();
        }
        go.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(500);
    }
}
