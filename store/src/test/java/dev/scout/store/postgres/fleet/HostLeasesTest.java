package dev.scout.store.postgres.fleet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Host leases and fencing on a real PostgreSQL. */
class HostLeasesTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");

    private HostLeases leases;
    private WorkerRegistry workers;

    @BeforeEach
    void freshDatabase() throws Exception {
        FleetDatabase db = PostgresFixture.freshDatabase();
        leases = new HostLeases(db);
        workers = new WorkerRegistry(db);
        for (String w : List.of("w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8")) {
            workers.register(w, "machine-" + w, 100, T0);
        }
    }

    @Test
    void manyWorkersAskingAtOnceGetOneOwnerPerHost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Optional<HostLease>>> answers = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String worker = "w" + i;
                Callable<Optional<HostLease>> ask = () -> {
                    go.await();
                    return leases.acquire(worker, "fika.example", T0, LEASE);
                };
                answers.add(pool.submit(ask));
            }
            go.countDown();
            List<HostLease> granted = new ArrayList<>();
            for (Future<Optional<HostLease>> a : answers) {
                a.get().ifPresent(granted::add);
            }
            assertThat(granted).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveLeaseIsNotTakenButAnExpiredOneIsWithALargerToken() {
        HostLease first = leases.acquire("w1", "fika.example", T0, LEASE).orElseThrow();

        assertThat(leases.acquire("w2", "fika.example", T0.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        HostLease taken = leases.acquire("w2", "fika.example", T0.plus(LEASE), LEASE).orElseThrow();

        assertThat(taken.owner()).isEqualTo("w2");
        assertThat(taken.token()).isGreaterThan(first.token());
        assertThat(leases.all()).singleElement().satisfies(r -> assertThat(r.takeovers()).isEqualTo(1));
    }

    @Test
    void afterATakeoverTheOldOwnerFailsTheFencingCheckAndCannotRenew() {
        HostLease old = leases.acquire("w1", "fika.example", T0, LEASE).orElseThrow();
        Instant later = T0.plus(LEASE).plusSeconds(5);
        HostLease now = leases.acquire("w2", "fika.example", later, LEASE).orElseThrow();

        assertThat(leases.checkAndCount("w1", "fika.example", old.token(), later)).isFalse();
        assertThat(leases.renew(old, later, LEASE)).isEmpty();
        assertThat(leases.release(old, later)).isFalse();
        assertThat(leases.checkAndCount("w2", "fika.example", now.token(), later)).isTrue();
    }

    @Test
    void theFencingCheckRefusesWhenTheLeaseEndsWithinTheMargin() {
        HostLease lease = leases.acquire("w1", "fika.example", T0, LEASE).orElseThrow();

        assertThat(leases.checkAndCount("w1", "fika.example", lease.token(), T0.plus(LEASE).minusSeconds(3))).isTrue();
        assertThat(leases.checkAndCount("w1", "fika.example", lease.token(), T0.plus(LEASE))).isFalse();
        assertThat(leases.all()).singleElement().satisfies(r -> assertThat(r.requestsSent()).isEqualTo(1));
    }

    @Test
    void renewingExtendsTheLeaseSoNobodyCanTakeItOver() {
        HostLease lease = leases.acquire("w1", "fika.example", T0, LEASE).orElseThrow();
        Instant renewAt = T0.plusSeconds(20);

        HostLease renewed = leases.renew(lease, renewAt, LEASE).orElseThrow();

        assertThat(renewed.token()).isEqualTo(lease.token());
        assertThat(renewed.leaseUntil()).isEqualTo(renewAt.plus(LEASE));
        assertThat(leases.acquire("w2", "fika.example", T0.plus(LEASE).plusSeconds(1), LEASE)).isEmpty();
    }

    @Test
    void learnedLimitsStayWithTheHostAndReachTheNextOwner() {
        HostLease first = leases.acquire("w1", "fika.example", T0, LEASE).orElseThrow();
        assertThat(first.learnedLimit()).isEmpty();
        assertThat(leases.saveLearnedLimit(first, new LearnedLimit(0.5, T0.plusSeconds(3)))).isTrue();

        HostLease next = leases.acquire("w2", "fika.example", T0.plus(LEASE), LEASE).orElseThrow();

        assertThat(next.learnedLimit()).contains(new LearnedLimit(0.5, T0.plusSeconds(3)));
        assertThat(leases.saveLearnedLimit(first, new LearnedLimit(9, T0.plus(LEASE)))).isFalse();
        assertThat(leases.learnedLimit("fika.example")).contains(new LearnedLimit(0.5, T0.plusSeconds(3)));
    }

    @Test
    void aReleasedHostIsFreeAtOnceAndKeepsWhatWasLearned() {
        HostLease lease = leases.acquire("w1", "fika.example", T0, LEASE).orElseThrow();
        leases.saveLearnedLimit(lease, new LearnedLimit(2, T0));

        assertThat(leases.release(lease, T0.plusSeconds(1))).isTrue();
        HostLease next = leases.acquire("w2", "fika.example", T0.plusSeconds(1), LEASE).orElseThrow();

        assertThat(next.learnedLimit()).map(LearnedLimit::requestsPerSecond).contains(2.0);
        assertThat(leases.all()).singleElement().satisfies(r -> assertThat(r.takeovers()).isZero());
    }
}
