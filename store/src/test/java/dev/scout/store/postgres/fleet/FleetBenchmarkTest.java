package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.http.HostKey;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet benchmark (until {@code scout bench fleet} exists): eight hosts on 127.0.0.1, each allowing
 * {@value #RATE} requests per second, crawled by 1, 2 and 4 worker processes ({@link FleetWorkerMain}, each leasing
 * at most {@value #HOSTS_PER_WORKER} hosts, so one worker is bound by per-host limits) on one PostgreSQL; then 4
 * workers with one killed mid-crawl. Prints profiles/s measured from the first to the last request the hosts saw
 * (JVM start-up excluded), requests over any host's limit, lost and duplicated profiles.
 *
 * <p>Opt-in: {@code mvn -pl store -am test -Dtest=FleetBenchmarkTest -Dscout.bench.fleet=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Asserts 0 over limit, 0 lost, 0 duplicates; the speed-up is printed.
 */
class FleetBenchmarkTest {
    static final double RATE = 5;
    static final int HOSTS = 8;
    static final int PER_HOST = 50;
    static final int HOSTS_PER_WORKER = 2;

    record Result(int workers, boolean killed, long profiles, double seconds, long overLimit, long lost,
                  long duplicates) {
        double perSecond() {
            return profiles / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "workers %d%s: %d profiles in %.1f s = %.2f profiles/s; over limit %d,"
                    + " lost %d, duplicates %d", workers, killed ? " (one killed)" : "", profiles, seconds,
                    perSecond(), overLimit, lost, duplicates);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void oneTwoAndFourWorkersOnEightRateLimitedHosts() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("scout.bench.fleet"), "benchmark: run with -Dscout.bench.fleet=true");
        List<Result> results = new ArrayList<>();
        for (int workers : new int[] {1, 2, 4}) {
            results.add(run(workers, false));
        }
        results.add(run(4, true));
        results.forEach(r -> System.out.println("FLEET-BENCH " + r));
        System.out.printf(Locale.ROOT, "FLEET-BENCH speed-up 2 workers %.2fx, 4 workers %.2fx%n",
                results.get(1).perSecond() / results.get(0).perSecond(),
                results.get(2).perSecond() / results.get(0).perSecond());
        assertThat(results).allSatisfy(r -> {
            assertThat(r.overLimit()).isZero();
            assertThat(r.lost()).isZero();
            assertThat(r.duplicates()).isZero();
        });
    }

    private Result run(int count, boolean killOne) throws Exception {
        LocalPostgres pg = PostgresFixture.server();
        FleetDatabase db = PostgresFixture.freshDatabase();
        String name = db.name().substring(db.name().lastIndexOf('/') + 1);
        PGSimpleDataSource ds = pg.dataSource(name);
        try (RateLimitedHosts hosts = new RateLimitedHosts(HOSTS, RATE); WorkerProcesses workers = new WorkerProcesses()) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE stored_profiles (ref_id text NOT NULL, worker text NOT NULL)");
            }
            Clock clock = Clock.systemUTC();
            LeaseKeeper seeder = new LeaseKeeper(new HostLeases(db), "seeder", clock, System::nanoTime,
                    Duration.ofSeconds(1), Duration.ZERO);
            FleetFrontier frontier = new FleetFrontier(new SqlTestFrontier(ds, clock), new LeasedClaims(db), seeder,
                    ref -> HostKey.of(URI.create(ref.value())), 1, clock);
            List<Frontier.Discovered> seeds = new ArrayList<>();
            for (int h = 0; h < HOSTS; h++) {
                for (int i = 0; i < PER_HOST; i++) {
                    seeds.add(new Frontier.Discovered(new ProfileRef(Platform.WEB,
                            "http://127.0.0.1:" + hosts.port(h) + "/p/" + i), 0, "seed"));
                }
            }
            frontier.offer(seeds);
            List<WorkerProcesses.Worker> started = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                started.add(workers.start(pg.jdbcUrl(name), "w" + i, 3_000, RATE, HOSTS_PER_WORKER, "256m"));
            }
            if (killOne) {
                FleetFaultsTest.waitUntil(() -> started.get(0).stored() >= PER_HOST / 2, 300);
                started.get(0).process.destroyForcibly();
            }
            for (WorkerProcesses.Worker w : started.subList(killOne ? 1 : 0, started.size())) {
                assertThat(w.waitFor(600)).as("worker %s finished: %s", w.id, workers.stderr(w)).isTrue();
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (int h = 0; h < HOSTS; h++) {
                for (RateLimitedHosts.Hit hit : hosts.hits(h)) {
                    first = Math.min(first, hit.atNanos());
                    last = Math.max(last, hit.atNanos());
                }
            }
            long stored = single(ds, "SELECT count(DISTINCT ref_id) FROM stored_profiles");
            long rows = single(ds, "SELECT count(*) FROM stored_profiles");
            return new Result(count, killOne, stored, (last - first) / 1e9, hosts.overLimit(),
                    (long) HOSTS * PER_HOST - stored, rows - stored);
        }
    }

    private static long single(PGSimpleDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
