package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** How one fleet worker's frontier takes, keeps and swaps hosts as it claims, on a real PostgreSQL. */
class FleetFrontierTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int HOSTS = 6;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T18:00:00Z"));
    private HostLeases leases;
    private LeaseKeeper keeper;
    private FleetFrontier frontier;

    @BeforeEach
    void sixHostsWithThreeProfilesEach() throws Exception {
        FleetDatabase db = PostgresFixture.freshDatabase();
        String name = db.name().substring(db.name().lastIndexOf('/') + 1);
        leases = new HostLeases(db);
        new WorkerRegistry(db).register("a", "m1", 1, clock.instant());
        keeper = new LeaseKeeper(leases, "a", clock, clock::nanoTime, LEASE, Duration.ofSeconds(5));
        frontier = new FleetFrontier(new SqlTestFrontier(PostgresFixture.dataSource(name), clock),
                new LeasedClaims(db), keeper, ref -> URI.create(ref.value()).getHost(), 2, clock);
        List<Frontier.Discovered> seeds = new ArrayList<>();
        for (int h = 1; h <= HOSTS; h++) {
            for (int i = 0; i < 3; i++) {
                seeds.add(new Frontier.Discovered(new ProfileRef(Platform.WEB, "http://h" + h + ".example/p" + i), 0, "seed"));
            }
        }
        frontier.offer(seeds);
    }

    @Test
    void threadsClaimingAtOnceLeaseNoMoreThanTheWorkersHostBudget() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Frontier.Lease>>> claims = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                String thread = "t" + t;
                claims.add(pool.submit(() -> {
                    go.await();
                    return frontier.claim(thread, 1, clock.instant(), LEASE);
                }));
            }
            go.countDown();
            for (Future<List<Frontier.Lease>> f : claims) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(keeper.heldHosts()).hasSize(2);
        assertThat(leases.all().stream().filter(r -> r.heldAt(clock.instant())).count()).isEqualTo(2);
    }

    @Test
    void aFinishedHostIsSwappedForAFreeOneAtTheNextShortClaim() {
        List<Frontier.Lease> first = frontier.claim("t1", 6, clock.instant(), LEASE);
        List<String> before = keeper.heldHosts();
        first.forEach(l -> frontier.complete(l.ref())); // both held hosts are finished

        clock.advance(Duration.ofSeconds(1));
        List<Frontier.Lease> next = frontier.claim("t1", 6, clock.instant(), LEASE);

        assertThat(first).hasSize(6);
        assertThat(next).hasSize(6);
        assertThat(keeper.heldHosts()).hasSize(2).doesNotContainAnyElementsOf(before);
    }

    @Test
    void aFullClaimLeavesTheHostsAloneUntilTheNextCheck() {
        frontier.claim("t1", 1, clock.instant(), LEASE); // takes two hosts
        List<String> held = keeper.heldHosts();
        long leasedBefore = leases.all().stream().filter(r -> r.heldAt(clock.instant())).count();

        List<Frontier.Lease> again = frontier.claim("t1", 1, clock.instant(), LEASE);

        assertThat(again).singleElement().satisfies(l -> assertThat(held).anyMatch(h -> l.ref().value().startsWith("http://" + h + "/")));
        assertThat(keeper.heldHosts()).isEqualTo(held);
        assertThat(leases.all().stream().filter(r -> r.heldAt(clock.instant())).count()).isEqualTo(leasedBefore);
    }
}
