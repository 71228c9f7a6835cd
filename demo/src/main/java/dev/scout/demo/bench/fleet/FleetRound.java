package dev.scout.demo.bench.fleet;

import dev.scout.demo.bench.BenchException;
import dev.scout.demo.bench.BenchPostgres;
import dev.scout.demo.bench.JavaCommand;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.http.SimHost;
import dev.scout.store.postgres.PostgresLocation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One measurement: a fresh simulated network and a fresh database, the frontier filled, {@code workers} real
 * {@code scout worker} JVMs started on it (one of them killed with SIGKILL once a quarter of the profiles are crawled,
 * when asked), waited for, then counted: the hosts' request span and over-limit requests, the store's profiles lost
 * and stored twice. One round per instance; not thread-safe.
 */
final class FleetRound {
    /** The whole crawl must end within this, or the round fails (a stuck fleet, not a slow one). */
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final FleetBenchmark.Settings settings;
    private final JavaCommand java;
    private final BenchPostgres postgres;
    private final PrintStream out;

    FleetRound(FleetBenchmark.Settings settings, JavaCommand java, BenchPostgres postgres, PrintStream out) {
        this.settings = settings;
        this.java = java;
        this.postgres = postgres;
        this.out = out;
    }

    FleetResult run(int workers, boolean killOne) throws InterruptedException {
        String name = "scout_fleet_bench_" + workers + (killOne ? "_kill" : "");
        Path dir = settings.dir().resolve(workers + "-workers" + (killOne ? "-one-killed" : ""));
        createDirectories(dir);
        try (SimulatedNetwork sim = SimulatedNetwork.start(FleetSetup.simConfig(settings.profiles(),
                settings.hostRate(), settings.window()))) {
            List<String> seeds = FleetSetup.seeds(sim, settings.profiles());
            PostgresLocation db = postgres.freshDatabase(name);
            try {
                long seeded = FleetSetup.fillFrontier(db, seeds);
                Path config = dir.resolve("scout.yaml");
                write(config, FleetSetup.yaml(sim, settings.profiles(), settings.configuredRps()));
                out.printf(Locale.ROOT, "fleet: %d worker%s%s on %,d profiles (%d hosts, %d requests / %d s each,"
                                + " at most %d hosts per worker); logs in %s%n", workers, workers == 1 ? "" : "s",
                        killOne ? ", one killed mid-crawl" : "", seeded, FleetSetup.HOSTS, settings.hostRate(),
                        settings.window().toSeconds(), settings.maxHosts(), dir);
                return crawl(sim, db, config, dir, workers, killOne, seeded);
            } finally {
                postgres.drop(name);
            }
        }
    }

    private FleetResult crawl(SimulatedNetwork sim, PostgresLocation db, Path config, Path dir, int count,
                              boolean killOne, long seeded) throws InterruptedException {
        double simCpuBefore = cpuSeconds(ProcessHandle.current());
        long commitsBefore = postgres.commits(db.database());
        List<Process> workers = new ArrayList<>();
        CpuMeter cpu = new CpuMeter();
        CpuMeter pgCpu = new CpuMeter();
        postgres.serverProcesses().forEach(pgCpu::sample);
        double pgCpuBefore = pgCpu.total();
        try {
            for (int i = 1; i <= count; i++) {
                workers.add(start(db, config, dir, i));
            }
            Process killed = null;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (workers.stream().anyMatch(Process::isAlive)) {
                if (System.nanoTime() > deadline) {
                    throw new BenchException("the workers did not finish within " + TIMEOUT.toMinutes()
                            + " min; see the logs in " + dir);
                }
                workers.forEach(cpu::sample);
                postgres.serverProcesses().forEach(pgCpu::sample);
                if (killOne && killed == null && stored(db).finished() * 4 >= seeded) {
                    killed = workers.get(0);
                    cpu.sample(killed);
                    killed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, leases left to expire
                    out.printf(Locale.ROOT, "fleet: killed worker 1 (pid %d) with a quarter of the profiles crawled%n",
                            killed.pid());
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
            int failed = 0;
            int finishers = 0;
            for (int i = 0; i < workers.size(); i++) {
                if (workers.get(i) != killed && workers.get(i).exitValue() != 0) {
                    failed++;
                    out.printf(Locale.ROOT, "fleet: worker %d exited with %d; see %s%n", i + 1,
                            workers.get(i).exitValue(), dir.resolve("worker-" + (i + 1) + ".log"));
                }
                if (Files.exists(dir.resolve("out-" + (i + 1)).resolve("candidates.csv"))) {
                    finishers++;
                }
            }
            Stored stored = stored(db);
            double seconds = sim.requestSpan().map(SimHost.RequestSpan::duration).orElse(Duration.ZERO).toNanos() / 1e9;
            long overLimit = sim.requestsOverLimit().values().stream().mapToLong(Long::longValue).sum();
            postgres.serverProcesses().forEach(pgCpu::sample);
            printHosts(sim);
            return new FleetResult(count, killOne, seeded, stored.finished(), seconds, sim.requestCount(), overLimit,
                    stored.lost(), stored.twice(), failed, finishers, cpu.total(),
                    cpuSeconds(ProcessHandle.current()) - simCpuBefore,
                    postgres.serverProcesses().isEmpty() ? Double.NaN : pgCpu.total() - pgCpuBefore,
                    postgres.commits(db.database()) - commitsBefore);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    /**
     * When each host was crawled, relative to the first request any host saw, and at what rate: hosts crawled one
     * after another, or below their limit, show here.
     */
    private void printHosts(SimulatedNetwork sim) {
        Map<String, SimHost.RequestSpan> spans = sim.requestSpans();
        long first = spans.values().stream().mapToLong(SimHost.RequestSpan::firstNanos).min().orElse(0);
        Map<String, Long> counts = sim.requestCounts();
        StringBuilder b = new StringBuilder("fleet: hosts (from s, for s, requests/s):");
        spans.forEach((host, span) -> b.append(String.format(Locale.ROOT, " %s %.1f+%.1f %.1f/s",
                host.replace(".example", ""), (span.firstNanos() - first) / 1e9, span.duration().toNanos() / 1e9,
                counts.get(host) / Math.max(1e-9, span.duration().toNanos() / 1e9))));
        out.println(b);
    }

    private Process start(PostgresLocation db, Path config, Path dir, int i) {
        Path outDir = dir.resolve("out-" + i);
        createDirectories(outDir);
        // C1 only and the serial collector: a worker spends its time waiting on hosts, and C2's compiler threads in
        // four JVMs at once took more of two shared cores than the crawl itself (worker CPU 49 s against 25 s).
        ProcessBuilder pb = java.builder(List.of("-Xmx" + settings.heap(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"), "dev.scout.app.Main",
                List.of("worker", "-c", config.toString(), "--store", db.masked(), "--out", outDir.toString(),
                        "--max-hosts", Integer.toString(settings.maxHosts()), "-q"));
        // The password goes by the environment, never on a command line other users can read.
        db.password().ifPresent(pw -> pb.environment().put("PGPASSWORD", pw));
        pb.environment().put("PGUSER", db.user());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("worker-" + i + ".log").toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new BenchException("cannot start a worker JVM (" + pb.command().get(0) + "): " + e.getMessage(), e);
        }
    }

    /**
     * Profiles the crawl finished (stored, or skipped or failed with a reason), seeds it did not finish or marked
     * done without storing, profiles stored more than once.
     */
    record Stored(long finished, long lost, long twice) {
    }

    private static Stored stored(PostgresLocation db) {
        try (Connection c = BenchPostgres.connect(db); Statement st = c.createStatement()) {
            return new Stored(single(st, "SELECT count(*) FROM frontier WHERE state IN ('done', 'skipped', 'failed')"),
                    single(st, "SELECT count(*) FROM frontier f WHERE f.state NOT IN ('done', 'skipped', 'failed')"
                            + " OR (f.state = 'done' AND NOT EXISTS (SELECT 1 FROM snapshots s"
                            + " WHERE s.ref_id = f.ref_id))"),
                    single(st, "SELECT count(*) FROM (SELECT ref_id FROM snapshots GROUP BY ref_id"
                            + " HAVING count(*) > 1) d"));
        } catch (SQLException e) {
            throw new BenchException("cannot count the stored profiles in " + db.masked() + ": " + e.getMessage(), e);
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double cpuSeconds(ProcessHandle p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BenchException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BenchException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
