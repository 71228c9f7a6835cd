package dev.scout.demo;

import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scout worker} end to end: worker processes crawl one run of the simulated network on a shared, real
 * PostgreSQL store; every profile is stored once, no host gets a request over its limit summed over the workers,
 * and exactly one worker scores the run and writes the outputs — also when one of them is killed mid-crawl.
 */
class FleetRunTest {
    private static final Instant REFERENCE_TIME = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void twoWorkersAndAScoutRunOnTheSameStoreCrawlOneRunPolitelyAndExactlyOneWritesTheOutputs() throws Exception {
        PostgresLocation store = TestPostgres.require().newDatabase("fleet_run");
        SimConfig simConfig = SimConfig.builder().seed(11).size(300).referenceTime(REFERENCE_TIME).build();
        try (SimulatedNetwork sim = SimulatedNetwork.start(simConfig)) {
            Path config = dir.resolve("scout.yaml");
            Files.writeString(config, DemoConfig.yaml(sim, dir.resolve("unused.db")), StandardCharsets.UTF_8);
            // The third process is a plain `scout run` whose config names the PostgreSQL store: it must join the
            // fleet (host leases, one finisher) rather than crawl the run on its own.
            Path runConfig = dir.resolve("scout-run.yaml");
            Files.writeString(runConfig, Files.readString(config).replaceFirst("(?m)^store: .*$",
                    "store: " + store.masked()), StandardCharsets.UTF_8);
            List<Process> workers = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                workers.add(start(dir.resolve("out-" + i), "worker", "--config", config.toString(), "--store",
                        store.masked(), "--out", dir.resolve("out-" + i).toString(), "--max-hosts", "2"));
            }
            workers.add(start(dir.resolve("out-3"), "run", "--config", runConfig.toString(), "--out",
                    dir.resolve("out-3").toString()));
            for (int i = 0; i < workers.size(); i++) {
                Process p = workers.get(i);
                assertThat(p.waitFor(6, TimeUnit.MINUTES)).as("worker %d finished; log %s", i + 1,
                        log(dir.resolve("out-" + (i + 1)))).isTrue();
                assertThat(p.exitValue()).as("worker %d exit code; log %s", i + 1,
                        log(dir.resolve("out-" + (i + 1)))).isZero();
            }

            long outputs = java.util.stream.IntStream.rangeClosed(1, 3)
                    .filter(i -> Files.exists(dir.resolve("out-" + i).resolve("candidates.csv"))).count();
            assertThat(outputs).as("workers that wrote the outputs").isEqualTo(1);
            assertThat(sim.requestsOverLimit().values()).allSatisfy(n -> assertThat(n).isZero());
            try (Connection c = TestPostgres.connect(store); Statement st = c.createStatement()) {
                assertThat(single(st, "SELECT count(*) FROM runs")).isEqualTo(1);
                assertThat(single(st, "SELECT count(*) FROM runs WHERE status = 'completed'")).isEqualTo(1);
                assertThat(single(st, "SELECT count(*) FROM fleet_run_finish WHERE finished_at IS NOT NULL"))
                        .isEqualTo(1);
                assertThat(single(st, "SELECT count(*) FROM snapshots")).isPositive();
                assertThat(single(st, "SELECT count(*) FROM (SELECT ref_id FROM snapshots GROUP BY ref_id"
                        + " HAVING count(*) > 1) d")).as("profiles stored twice").isZero();
                assertThat(single(st, "SELECT count(*) FROM frontier WHERE state IN ('pending', 'in_flight')"
                        + " AND next_fetch_at <= " + System.currentTimeMillis())).isZero();
                assertThat(single(st, "SELECT count(DISTINCT worker_id) FROM fleet_workers")).isEqualTo(3);
            }
        }
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void aWorkerKilledMidCrawlLosesNothingAndNoProfileIsStoredTwice() throws Exception {
        PostgresLocation store = TestPostgres.require().newDatabase("fleet_kill");
        SimConfig simConfig = SimConfig.builder().seed(12).size(300).referenceTime(REFERENCE_TIME).build();
        try (SimulatedNetwork sim = SimulatedNetwork.start(simConfig)) {
            Path config = dir.resolve("scout.yaml");
            Files.writeString(config, DemoConfig.yaml(sim, dir.resolve("unused.db")), StandardCharsets.UTF_8);
            List<Process> workers = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                workers.add(start(dir.resolve("out-" + i), "worker", "--config", config.toString(), "--store",
                        store.masked(), "--out", dir.resolve("out-" + i).toString(), "--max-hosts", "2"));
            }
            Process victim = workers.get(0);
            String victimId = InetAddress.getLocalHost().getHostName() + "-" + victim.pid();
            try (Connection c = TestPostgres.connect(store); Statement st = c.createStatement()) {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                // Kill it while it holds hosts and has stored some profiles, so there is something to take over.
                String holdsAHost = "SELECT 1 FROM fleet_host_leases WHERE owner = '" + victimId
                        + "' AND lease_until > now()";
                while (!(victim.isAlive() && migrated(st) && hasRows(st, holdsAHost)
                        && single(st, "SELECT count(*) FROM snapshots") >= 20)) {
                    assertThat(System.nanoTime()).as("the first worker holds a host while the crawl runs; log %s",
                            log(dir.resolve("out-1"))).isLessThan(deadline);
                    Thread.sleep(100);
                }
            }
            victim.destroyForcibly(); // SIGKILL: no release, no last words
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();

            for (int i = 1; i < workers.size(); i++) {
                Process p = workers.get(i);
                assertThat(p.waitFor(6, TimeUnit.MINUTES)).as("worker %d finished; log %s", i + 1,
                        log(dir.resolve("out-" + (i + 1)))).isTrue();
                assertThat(p.exitValue()).as("worker %d exit code; log %s", i + 1,
                        log(dir.resolve("out-" + (i + 1)))).isZero();
            }
            long outputs = java.util.stream.IntStream.rangeClosed(2, 3)
                    .filter(i -> Files.exists(dir.resolve("out-" + i).resolve("candidates.csv"))).count();
            assertThat(outputs).as("surviving workers that wrote the outputs").isEqualTo(1);
            assertThat(sim.requestsOverLimit().values()).allSatisfy(n -> assertThat(n).isZero());
            try (Connection c = TestPostgres.connect(store); Statement st = c.createStatement()) {
                assertThat(single(st, "SELECT count(*) FROM runs WHERE status = 'completed'")).isEqualTo(1);
                assertThat(single(st, "SELECT count(*) FROM (SELECT ref_id FROM snapshots GROUP BY ref_id"
                        + " HAVING count(*) > 1) d")).as("profiles stored twice").isZero();
                assertThat(single(st, "SELECT count(*) FROM frontier WHERE state IN ('pending', 'in_flight')"
                        + " AND next_fetch_at <= " + System.currentTimeMillis())).as("entries left behind").isZero();
                assertThat(single(st, "SELECT coalesce(sum(takeovers), 0) FROM fleet_host_leases"))
                        .as("hosts taken over from the killed worker").isPositive();
            }
        }
    }

    /** The workers have created the store's and the fleet's tables (the first to start migrates). */
    private static boolean migrated(Statement st) throws Exception {
        return hasRows(st, "SELECT 1 WHERE to_regclass('fleet_host_leases') IS NOT NULL"
                + " AND to_regclass('snapshots') IS NOT NULL");
    }

    private static boolean hasRows(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Process start(Path out, String... scoutArgs) throws IOException {
        Files.createDirectories(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.scout.app.Main"));
        command.addAll(List.of(scoutArgs));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File(out.toFile(), "worker.log")).start();
    }

    private static String log(Path out) throws IOException {
        Path log = out.resolve("worker.log");
        if (!Files.exists(log)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
