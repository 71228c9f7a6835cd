package dev.scout.store.bench;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.crawler.engine.Frontier.Lease;
import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.store.Store;
import dev.scout.store.StoreOptions;
import dev.scout.store.Stores;
import dev.scout.store.internal.SqlStore;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the store on a crawl-shaped workload: offer N profiles, then workers claim, store a snapshot (20 posts)
 * and complete each, then re-read every newest snapshot. Prints rates and heap after GC at each tenth, so growth of
 * the heap with the crawl shows. Run with {@code -Xmx256m}:
 * <pre>java -Xmx256m -cp ... dev.scout.store.bench.StoreBenchmark [profiles=100000] [workers=4] [file|postgresql://…] [fullSync=true]</pre>
 * A {@code postgresql://} location runs it on that (empty) PostgreSQL database instead of a new SQLite file.
 */
public final class StoreBenchmark {
    private static final Instant CRAWLED = Instant.parse("2026-03-01T10:00:00Z");
    private static final int POSTS = 20;

    private final PrintStream out;
    private final int profiles;
    private final int workers;

    private StoreBenchmark(PrintStream out, int profiles, int workers) {
        this.out = out;
        this.profiles = profiles;
        this.workers = workers;
    }

    public static void main(String[] args) throws Exception {
        int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String location = args.length > 2 ? args[2]
                : Files.createTempDirectory("scout-bench").resolve("bench.db").toString();
        boolean fullSync = args.length <= 3 || Boolean.parseBoolean(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        new StoreBenchmark(out, profiles, workers).run(location, StoreOptions.builder().fullSync(fullSync).build());
    }

    /** Runs the benchmark against a new store file, or an empty PostgreSQL database, at {@code location}. */
    public void run(String location, StoreOptions options) throws Exception {
        boolean server = Stores.isServer(location);
        if (!server && Files.exists(Path.of(location))) {
            throw new IllegalArgumentException("benchmark store " + location + " already exists; give a new file name");
        }
        out.printf("store benchmark: %s, %,d profiles, %d workers, %d posts per snapshot, fullSync=%s, max heap %d MiB%n",
                Stores.display(location), profiles, workers, POSTS, options.fullSync(),
                Runtime.getRuntime().maxMemory() >> 20);
        try (Store store = Stores.open(location, options)) {
            offer(store.frontier());
            crawl(store);
            reread(store);
            long writes = committedWrites(store);
            long transactions = transactions(store);
            out.printf("commits: %,d writes in %,d transactions (%.1f per transaction)%n", writes, transactions,
                    writes / (double) Math.max(1, transactions));
        }
        if (!server) {
            Path file = Path.of(location);
            out.printf("file: %,d KiB (+ WAL %,d KiB)%n", size(file) >> 10,
                    size(file.resolveSibling(file.getFileName() + "-wal")) >> 10);
        }
    }

    private static long committedWrites(Store store) {
        return ((SqlStore) store).committedWrites();
    }

    private static long transactions(Store store) {
        return ((SqlStore) store).transactions();
    }

    private void offer(Frontier frontier) {
        long start = System.nanoTime();
        for (int from = 0; from < profiles; from += 1_000) {
            List<Discovered> chunk = new ArrayList<>(1_000);
            for (int i = from; i < Math.min(profiles, from + 1_000); i++) {
                chunk.add(new Discovered(ref(i), i % 4, "bench"));
            }
            frontier.offer(chunk);
        }
        report("offer", profiles, start);
    }

    private void crawl(Store store) throws Exception {
        Frontier frontier = store.frontier();
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, profiles / 10);
        AtomicLong nextReport = new AtomicLong(step);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "bench-worker"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "bench-" + w;
                futures.add(pool.submit(() -> {
                    List<Lease> leases;
                    while (!(leases = frontier.claim(worker, 32, CRAWLED, Duration.ofMinutes(10))).isEmpty()) {
                        for (Lease l : leases) {
                            store.snapshots().accept(snapshot(l.ref()));
                            frontier.complete(l.ref());
                        }
                        long n = done.addAndGet(leases.size());
                        long due = nextReport.get();
                        if (n >= due && nextReport.compareAndSet(due, due + step)) {
                            out.printf("  %,9d profiles  %,8.0f/s  heap after GC %4d MiB%n", n,
                                    n / seconds(start), heapAfterGc());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        store.flush();
        report("claim + snapshot + complete", done.get(), start);
        double s = seconds(start);
        // Per profile: its share of a claim update, 1 snapshot row, POSTS post rows, 1 frontier update.
        out.printf("  = %,.0f snapshots/s, %,.0f queued operations/s, ~%,.0f rows written/s%n", done.get() / s,
                committedWrites(store) / s, done.get() * (POSTS + 3) / s);
    }

    private void reread(Store store) {
        long start = System.nanoTime();
        long n = 0;
        Iterator<ProfileSnapshot> it = store.latestSnapshots();
        while (it.hasNext()) {
            it.next();
            n++;
        }
        report("latestSnapshots (re-score read)", n, start);
        out.printf("  heap after GC %d MiB%n", heapAfterGc());
    }

    private void report(String what, long n, long startNanos) {
        double s = seconds(startNanos);
        out.printf("%-34s %,9d in %6.1f s = %,9.0f/s%n", what, n, s, n / s);
    }

    private static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Heap in use after a full collection, in MiB: what the crawl keeps alive, not garbage waiting to go. */
    private static long heapAfterGc() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used >> 20;
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    private static ProfileRef ref(int i) {
        return ProfileRef.mastodon("cook" + i, "host" + (i % 50) + ".example");
    }

    private static ProfileSnapshot snapshot(ProfileRef ref) {
        long seed = ref.id().hashCode();
        Account account = Account.builder(ref).displayName("Cook " + ref.value())
                .bio("Plant-based recipes, tofu and tempeh every week. Business: hello@cook.example")
                .followers(1_000 + Math.floorMod(seed, 99_000)).following(300).postsCount(1_200).build();
        List<Post> posts = new ArrayList<>(POSTS);
        for (int p = 0; p < POSTS; p++) {
            posts.add(Post.builder(ref.value() + "/" + p, CRAWLED.minus(Duration.ofDays(p + 1)))
                    .text("Day " + p + ": lentil and chickpea curry with oat milk, meal prep for the week #vegan")
                    .hashtags(List.of("vegan", "mealprep")).likes(Math.floorMod(seed + p, 300)).replies(p)
                    .shares(p / 2).build());
        }
        return new ProfileSnapshot(account, posts, CRAWLED);
    }
}
