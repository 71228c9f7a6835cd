package dev.scout.demo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.scout.store.SqliteStore;
import dev.scout.store.Store;
import dev.scout.store.StoreOptions;
import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code scout bench scale}: starts the simulated network in its own JVM, fills a store's frontier (a SQLite file, or
 * a PostgreSQL database) with every simulated account, runs the real {@code scout run} on it in a child JVM with a small heap, and samples that
 * heap after a full GC at every tenth of the crawl and every {@link #AFTER_CRAWL_EVERY} while it scores and writes
 * its outputs. Everything it writes stays in its working folder (store, config, GC log, histograms, outputs).
 * One run per instance; not thread-safe.
 */
public final class ScaleBenchmark {
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration AFTER_CRAWL_EVERY = Duration.ofSeconds(10);

    /**
     * @param accounts   simulated accounts; every one enters the frontier
     * @param dir        working folder (created; an earlier store in it is replaced)
     * @param scoutHeap  the Scout JVM's -Xmx value, e.g. {@code 256m}
     * @param seed       population seed
     * @param postgres   an empty PostgreSQL database to crawl into (then {@code scout run} joins it as a fleet
     *                   worker); empty for the default SQLite store file in {@code dir}
     */
    public record Options(int accounts, Path dir, String scoutHeap, long seed, Optional<PostgresLocation> postgres) {
        /** Heap of the simulator's JVM: its population takes about 26 KiB per account. */
        int simHeapMiB() {
            return 512 + (int) (accounts * 40L / 1024);
        }
    }

    private final JavaCommand java;

    public ScaleBenchmark() {
        this(JavaCommand.current());
    }

    ScaleBenchmark(JavaCommand java) {
        this.java = java;
    }

    /** Runs the benchmark, printing progress and the final table to {@code out}. */
    public ScaleResult run(Options o, PrintStream out) throws InterruptedException {
        Path dir = prepare(o.dir());
        Path storeFile = dir.resolve("scout.db");
        out.printf(Locale.ROOT, "scale: generating %,d simulated accounts in a separate JVM (-Xmx%dm)...%n",
                o.accounts(), o.simHeapMiB());
        try (SimProcess sim = SimProcess.start(java, o.accounts(), o.seed(), o.simHeapMiB(), dir.resolve("seeds.txt"),
                dir.resolve("simnet.log"))) {
            out.printf(Locale.ROOT, "scale: simulator ready in %.1f s (pid %d)%n",
                    sim.addresses().generationMillis() / 1000.0, sim.pid());
            Store store = o.postgres().<Store>map(pg -> PostgresStore.open(pg, StoreOptions.builder().exclusive(false).build()))
                    .orElseGet(() -> SqliteStore.open(storeFile));
            String storeName = o.postgres().map(PostgresLocation::masked).orElse(storeFile.toAbsolutePath().toString());
            long offered = ScaleSetup.fillFrontier(store, dir.resolve("seeds.txt"));
            out.printf(Locale.ROOT, "scale: %,d profiles in the frontier of %s%n", offered, storeName);
            Path config = dir.resolve("scout.yaml");
            write(config, ScaleSetup.yaml(sim.addresses(), storeName, (int) offered));
            try (StoreProbe probe = o.postgres().map(StoreProbe::postgres).orElseGet(() -> StoreProbe.sqlite(storeFile))) {
                return crawl(o, dir, config, probe, out);
            }
        }
    }

    private ScaleResult crawl(Options o, Path dir, Path config, StoreProbe probe, PrintStream out)
            throws InterruptedException {
        ProcessBuilder pb = java.builder(List.of("-Xmx" + o.scoutHeap(), "-Xlog:gc:file=" + dir.resolve("gc.log")),
                "dev.scout.app.Main", List.of("run", "-c", config.toString(), "-q", "--out", dir.resolve("out").toString()));
        // The password goes by the environment, never into the config file or onto a command line.
        o.postgres().ifPresent(pg -> {
            pg.password().ifPresent(pw -> pb.environment().put("PGPASSWORD", pw));
            pb.environment().put("PGUSER", pg.user());
        });
        pb.redirectOutput(dir.resolve("scout-run.log").toFile());
        pb.redirectError(dir.resolve("scout-run.err").toFile());
        long start = System.nanoTime();
        Process scout;
        try {
            scout = pb.start();
        } catch (IOException e) {
            throw new BenchException("cannot start the Scout JVM: " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "scale: scout run started (pid %d, -Xmx%s%s); heap after full GC at every tenth:%n",
                scout.pid(), o.scoutHeap(), o.postgres().isPresent() ? ", a fleet worker on PostgreSQL" : "");
        List<HeapSample> samples = new ArrayList<>();
        try {
            sample(scout, probe, dir, start, samples, out);
            int exit = scout.waitFor();
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            // A run that failed (an OutOfMemoryError, say) may have written no stats; its samples still tell why.
            Path statsFile = dir.resolve("out").resolve("crawl-stats.json");
            JsonNode stats = exit != 0 && !Files.exists(statsFile) ? MissingNode.getInstance() : crawlStats(statsFile);
            long requests = 0;
            for (JsonNode n : stats.path("crawl").path("requestsByStage")) {
                requests += n.asLong();
            }
            long maxAfter = GcLog.read(dir.resolve("gc.log")).stream().mapToLong(GcLog.Collection::afterBytes).max().orElse(0);
            ScaleResult result = new ScaleResult(o.accounts(), probe.frontier(), requests,
                    Duration.ofMillis(stats.path("crawl").path("wallTimeMillis").asLong()), wall, o.scoutHeap(),
                    List.copyOf(samples), maxAfter, probe.rows("snapshots"), probe.rows("posts"), probe.rows("scores"),
                    probe.bytes(), o.postgres().isPresent(), exit);
            result.print(out);
            return result;
        } finally {
            if (scout.isAlive()) {
                scout.destroyForcibly();
            }
        }
    }

    /**
     * Polls the frontier and takes a histogram when a new tenth has finished (one per poll, named after the highest
     * tenth reached: a histogram takes about a second, and the crawl does not wait for it), then every few seconds
     * until Scout exits.
     */
    private void sample(Process scout, StoreProbe probe, Path dir, long start, List<HeapSample> samples, PrintStream out)
            throws InterruptedException {
        int tenthsSampled = 0;
        long crawlEnded = 0;
        long lastAfter = 0;
        while (!scout.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
            StoreProbe.Frontier f = probe.frontier();
            if (f.total() == 0) {
                continue;
            }
            boolean over = f.get("pending") + f.get("in_flight") == 0;
            int tenths = over ? 10 : (int) Math.min(9, f.finished() * 10 / f.total());
            if (tenths > tenthsSampled) {
                tenthsSampled = tenths;
                if (!take(scout, tenths * 10 + "%", probe, dir, start, samples, out)) {
                    return;
                }
                continue;
            }
            if (tenthsSampled == 10) {
                long now = System.nanoTime();
                if (crawlEnded == 0) {
                    crawlEnded = now;
                    lastAfter = now;
                } else if (now - lastAfter >= AFTER_CRAWL_EVERY.toNanos()) {
                    lastAfter = now;
                    String label = String.format(Locale.ROOT, "crawl end +%d s", TimeUnit.NANOSECONDS.toSeconds(now - crawlEnded));
                    if (!take(scout, label, probe, dir, start, samples, out)) {
                        return;
                    }
                }
            }
        }
    }

    /** Takes one histogram; false when Scout ended meanwhile (then nothing is recorded). */
    private boolean take(Process scout, String label, StoreProbe probe, Path dir, long start, List<HeapSample> samples,
                         PrintStream out) throws InterruptedException {
        HeapHistogram h;
        try {
            h = HeapHistogram.take(java.jcmd(), scout.pid());
        } catch (BenchException e) {
            if (!scout.isAlive()) {
                return false;
            }
            throw e;
        }
        long finished = probe.frontier().finished();
        HeapSample s = new HeapSample(label, (System.nanoTime() - start) / 1e9, finished, h.liveBytes());
        samples.add(s);
        h.save(dir.resolve("histogram-" + label.replaceAll("[^0-9a-z]+", "_") + ".txt"));
        out.printf(Locale.ROOT, "  %-15s %,9d finished  heap after full GC %s%n", label, finished, ScaleSetup.mib(h.liveBytes()));
        return true;
    }

    private static Path prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : List.of("scout.db", "scout.db-wal", "scout.db-shm", "gc.log")) {
                Files.deleteIfExists(dir.resolve(name));
            }
            return dir;
        } catch (IOException e) {
            throw new BenchException("cannot prepare the working folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode crawlStats(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BenchException("scout run wrote no readable " + file + " (" + e.getMessage()
                    + "); see scout-run.err next to it", e);
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
