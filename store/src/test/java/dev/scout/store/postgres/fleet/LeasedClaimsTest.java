package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Frontier claims restricted to the worker's leased hosts, under SKIP LOCKED, on a real PostgreSQL. */
class LeasedClaimsTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");

    private DataSource ds;
    private HostLeases leases;
    private LeasedClaims claims;

    @BeforeEach
    void frontierOfThreeHosts() throws Exception {
        FleetDatabase db = PostgresFixture.freshDatabase();
        ds = PostgresFixture.dataSource(db.name().substring(db.name().lastIndexOf('/') + 1));
        leases = new HostLeases(db);
        claims = new LeasedClaims(db);
        WorkerRegistry workers = new WorkerRegistry(db);
        for (String w : List.of("a", "b", "c")) {
            workers.register(w, "m", 1, T0);
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO frontier (ref_id, platform, host, state,"
                     + " depth, via, next_fetch_at, updated_at) VALUES (?, 'mastodon', ?, 'pending', 0, 'seed', 0, 0)")) {
            for (String host : List.of("fika.example", "fern.example", "oat.example")) {
                for (int i = 0; i < 20; i++) {
                    ps.setString(1, "mastodon:user" + i + "@" + host);
                    ps.setString(2, host);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @Test
    void aWorkerClaimsOnlyEntriesOfHostsItLeases() {
        leases.acquire("a", "fika.example", T0, LEASE);

        List<Frontier.Lease> got = claims.claim("a", "a/main", 100, T0, LEASE);

        assertThat(got).hasSize(20).allSatisfy(l -> assertThat(l.ref().value()).endsWith("@fika.example"));
        assertThat(claims.claim("b", "b/main", 100, T0, LEASE)).isEmpty();
    }

    @Test
    void workersClaimingAtOnceNeverGetTheSameEntry() throws Exception {
        for (String w : List.of("a", "b", "c")) {
            leases.acquire(w, "fika.example", T0, LEASE); // only a gets it
        }
        leases.acquire("b", "fern.example", T0, LEASE);
        leases.acquire("c", "oat.example", T0, LEASE);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<Frontier.Lease>>> rounds = new ArrayList<>();
            for (String w : List.of("a", "a", "b", "b", "c", "c")) {
                rounds.add(pool.submit(() -> {
                    go.await();
                    List<Frontier.Lease> mine = new ArrayList<>();
                    String thread = w + "/" + Thread.currentThread().getName();
                    for (List<Frontier.Lease> got; !(got = claims.claim(w, thread, 3, T0, LEASE)).isEmpty(); ) {
                        mine.addAll(got);
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<String> all = new ArrayList<>();
            for (Future<List<Frontier.Lease>> r : rounds) {
                r.get().forEach(l -> all.add(l.ref().id()));
            }
            assertThat(all).hasSize(60).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRowLockedByAnotherClaimIsSkippedNotWaitedFor() throws Exception {
        leases.acquire("a", "fika.example", T0, LEASE);
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("SELECT 1 FROM frontier WHERE ref_id = 'mastodon:user0@fika.example' FOR UPDATE");
            }
            Set<String> got = new HashSet<>();
            claims.claim("a", "a/main", 100, T0, LEASE).forEach(l -> got.add(l.ref().id()));

            assertThat(got).hasSize(19).doesNotContain("mastodon:user0@fika.example");
            other.rollback();
        }
    }

    @Test
    void aKilledWorkersEntriesAndHostAreTakenOverAfterTheirLeasesExpire() {
        leases.acquire("a", "fika.example", T0, LEASE);
        assertThat(claims.claim("a", "a/main", 5, T0, LEASE)).hasSize(5);
        // a is killed: it neither completes its five entries nor renews its host lease.
        Instant later = T0.plus(LEASE);
        assertThat(claims.hostsWithWork("b", 10, later)).contains("fika.example");
        leases.acquire("b", "fika.example", later, LEASE).orElseThrow();

        List<Frontier.Lease> got = claims.claim("b", "b/main", 100, later, LEASE);

        assertThat(got).hasSize(20);
        assertThat(got).filteredOn(l -> l.attempts() == 2).hasSize(5);
    }

    @Test
    void aKilledWorkersEntriesComeBackWithItsHostLongBeforeTheirOwnLeasesRunOut() {
        Duration entryLease = Duration.ofMinutes(5); // the crawl's default: far longer than a host lease
        leases.acquire("a", "fika.example", T0, LEASE);
        assertThat(claims.claim("a", "a/main", 5, T0, entryLease)).hasSize(5);
        // a is killed: its host lease lapses after 30 s, its five entries would stay in flight for 5 min.
        Instant later = T0.plus(LEASE);
        assertThat(claims.hostsWithWork("b", 10, later)).contains("fika.example");
        assertThat(claims.claimable("b", later).inFlight()).isEqualTo(5);
        leases.acquire("b", "fika.example", later, LEASE).orElseThrow();

        List<Frontier.Lease> got = claims.claim("b", "b/main", 100, later, entryLease);

        assertThat(got).hasSize(20);
        assertThat(got).filteredOn(l -> l.attempts() == 2).hasSize(5);
        assertThat(claims.isMine("a", "mastodon:user0@fika.example")).isFalse();
    }

    @Test
    void aKilledWorkersEntryWhoseSnapshotIsStoredIsSettledNotCrawledAgain() throws Exception {
        leases.acquire("a", "fika.example", T0, LEASE);
        List<Frontier.Lease> claimedByA = claims.claim("a", "a/main", 5, T0, LEASE);
        String stored = claimedByA.get(0).ref().id();
        String storedLastRun = claimedByA.get(1).ref().id();
        // a stored one profile's snapshot and was killed before its completion was committed; another profile has
        // only a snapshot from an earlier run.
        insertSnapshot(stored, T0.plusSeconds(2));
        insertSnapshot(storedLastRun, T0.minus(Duration.ofDays(1)));
        Instant later = T0.plus(LEASE);

        leases.acquire("b", "fika.example", later, LEASE).orElseThrow();
        List<Frontier.Lease> got = claims.claim("b", "b/main", 100, later, LEASE);

        assertThat(got).hasSize(19).noneMatch(l -> l.ref().id().equals(stored))
                .anyMatch(l -> l.ref().id().equals(storedLastRun));
        assertThat(stateOf(stored)).isEqualTo("done");
    }

    @Test
    void entriesALiveWorkerIsStillCrawlingStayInFlightWithTheirSnapshotStored() throws Exception {
        leases.acquire("a", "fika.example", T0, LEASE);
        String inFlight = claims.claim("a", "a/main", 1, T0, LEASE).get(0).ref().id();
        insertSnapshot(inFlight, T0.plusSeconds(1));

        assertThat(claims.claim("a", "a/other", 100, T0.plusSeconds(2), LEASE)).hasSize(19);
        assertThat(stateOf(inFlight)).isEqualTo("in_flight");
        assertThat(claims.isMine("a", inFlight)).isTrue();
    }

    private void insertSnapshot(String refId, Instant crawledAt) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO snapshots (ref_id, crawled_at) VALUES (?, ?)")) {
            ps.setString(1, refId);
            ps.setLong(2, crawledAt.toEpochMilli());
            ps.executeUpdate();
        }
    }

    private String stateOf(String refId) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state FROM frontier WHERE ref_id = ?")) {
            ps.setString(1, refId);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("frontier entry %s", refId).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void aLiveOwnerKeepsItsOwnEntriesInFlight() {
        leases.acquire("a", "fika.example", T0, LEASE);
        assertThat(claims.claim("a", "a/main", 5, T0, LEASE)).hasSize(5);

        assertThat(claims.claim("a", "a/other", 100, T0.plusSeconds(1), LEASE)).hasSize(15);
        assertThat(claims.claim("b", "b/main", 100, T0.plusSeconds(1), LEASE)).isEmpty();
    }

    @Test
    void hostsHeldLiveByOthersAreNotOfferedAsWork() {
        leases.acquire("a", "fika.example", T0, LEASE);

        assertThat(claims.hostsWithWork("b", 10, T0)).containsExactlyInAnyOrder("fern.example", "oat.example");
        assertThat(claims.hostsWithWork("a", 10, T0)).hasSize(3);
    }

    @Test
    void workersRecordingTheHostsOfTheSameEntriesInOppositeOrdersDoNotDeadlock() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO frontier (ref_id, platform, state, depth, via,"
                     + " next_fetch_at, updated_at) VALUES (?, 'mastodon', 'pending', 1, 'mention', 0, 0)")) {
            for (int i = 0; i < 300; i++) {
                String id = "mastodon:mentioned" + i + "@moss.example";
                ids.add(id);
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        java.util.Map<String, String> forward = new java.util.LinkedHashMap<>();
        ids.forEach(id -> forward.put(id, "moss.example"));
        java.util.Map<String, String> backward = new java.util.LinkedHashMap<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            backward.put(ids.get(i), "moss.example");
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // One worker offers what it discovered in its own order while another gives hosts to the same entries,
            // found without one; before the updates were sorted, PostgreSQL broke the cycle by failing a worker.
            for (int round = 0; round < 10; round++) {
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE frontier SET host = NULL WHERE host = 'moss.example'");
                }
                CountDownLatch go = new CountDownLatch(1);
                Future<?> one = pool.submit(() -> {
                    go.await();
                    claims.assignHosts(forward);
                    return null;
                });
                Future<?> other = pool.submit(() -> {
                    go.await();
                    claims.assignHosts(backward);
                    return null;
                });
                go.countDown();
                one.get();
                other.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(claims.withoutHost(1_000)).isEmpty();
    }
}
