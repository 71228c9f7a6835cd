package dev.scout.store;

import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.SnapshotSink;
import dev.scout.model.HistoryPoint;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.internal.CandidateSearch;
import dev.scout.store.internal.Json;
import dev.scout.store.internal.ProfileEraser;
import dev.scout.store.internal.ResponseTable;
import dev.scout.store.internal.RetentionSweeper;
import dev.scout.store.internal.ReviewTable;
import dev.scout.store.internal.RunLog;
import dev.scout.store.internal.ScoreTable;
import dev.scout.store.internal.Schema;
import dev.scout.store.internal.SnapshotReader;
import dev.scout.store.internal.SnapshotWriter;
import dev.scout.store.internal.SqliteFrontier;
import dev.scout.store.internal.StatusReader;
import dev.scout.store.internal.StoreFile;
import dev.scout.store.internal.StoreLock;
import dev.scout.store.internal.WriteQueue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded {@link Store}: one SQLite file in WAL mode, schema migrated on open, all work done by one writer
 * thread in batched transactions (see {@link Store} for the ordering guarantee).
 *
 * <pre>{@code
 * try (Store store = SqliteStore.open(Path.of("scout.db"))) {
 *     Frontier frontier = store.frontier();
 *     SnapshotSink sink = store.snapshots();
 *     ...
 * }
 * }</pre>
 *
 * <p>Opening refuses, with a {@link StoreException} naming the file and what to do and without changing it: a file
 * that is not a SQLite database or fails SQLite's {@code PRAGMA quick_check} ({@code CORRUPT}), one written by a
 * newer Scout ({@code NEWER_SCHEMA}), one locked by another process for longer than the busy timeout
 * ({@code LOCKED}), and — when opened {@link StoreOptions#exclusive() exclusive}, as a run does — one whose lock
 * file another run holds ({@code IN_USE}). Thread-safe.
 *
 * <p>Always {@link #close()} it (the composition root owns it): close commits what is queued and stops the writer
 * thread, which is not a daemon, so a forgotten close keeps the JVM alive instead of dropping writes.
 */
public final class SqliteStore implements Store {
    private final Path file;
    private final StoreOptions options;
    private final WriteQueue queue;
    private final SqliteFrontier frontier;
    private final SnapshotWriter snapshots;
    private final SnapshotReader reader;
    private final RunLog runs;
    private final ScoreTable scores;
    private final CandidateSearch candidates;
    private final ReviewTable reviews;
    private final ResponseStore responses;
    private final ProfileEraser eraser;
    private final StatusReader statusReader;
    /** Entries of each kind (waiting for a retry, failed for good) {@link #status} lists by id. */
    private static final int STATUS_ENTRIES = 10;
    private final RetentionSweeper retention;
    private final Optional<StoreLock> lock;

    private SqliteStore(Path file, StoreOptions options, Optional<StoreLock> lock) {
        this.file = file;
        this.options = options;
        this.lock = lock;
        this.queue = new WriteQueue(file, StoreFile.open(file, options), options.maxBatch(), options.maxDelay(),
                options.queueCapacity());
        Json json = new Json(file);
        this.frontier = new SqliteFrontier(queue, options.clock());
        this.snapshots = new SnapshotWriter(queue, json, options.textRetention(), options.clock());
        this.reader = new SnapshotReader(queue, json);
        this.runs = new RunLog(queue, json, options.clock(), file);
        this.scores = new ScoreTable(queue, json);
        this.candidates = new CandidateSearch(queue);
        this.reviews = new ReviewTable(queue);
        // A stored body holds the posts' raw text, so only a store that keeps text may keep bodies.
        this.responses = options.textRetention().mode() == TextRetention.Mode.KEEP
                ? new ResponseTable(queue, options.clock(), file) : ResponseStore.NONE;
        this.eraser = new ProfileEraser(queue);
        this.statusReader = new StatusReader(queue);
        this.retention = new RetentionSweeper(queue, json, options.textRetention());
    }

    /** Opens (creating when absent) the store at {@code file} with default options; {@code :memory:} for a private in-memory store. */
    public static SqliteStore open(Path file) {
        return open(file, StoreOptions.defaults());
    }

    public static SqliteStore open(Path file, StoreOptions options) {
        boolean memory = file.toString().equals(StoreFile.MEMORY);
        // The lock comes first: a second run is refused before it reads, checks or migrates anything.
        Optional<StoreLock> lock = options.exclusive() && !memory ? Optional.of(StoreLock.acquire(file)) : Optional.empty();
        try {
            return new SqliteStore(file, options, lock);
        } catch (RuntimeException e) {
            lock.ifPresent(l -> release(l, e));
            throw e;
        }
    }

    /** A private in-memory store (tests, {@code scout score} on an imported file); it needs no lock. */
    public static SqliteStore inMemory(StoreOptions options) {
        return open(Path.of(StoreFile.MEMORY), options);
    }

    /**
     * True when a run holds the store at {@code file} now (its lock file {@code <file>.lock} is locked, by this
     * process or another), so a {@code running} run in it is live rather than the leftover of a killed process.
     * Changes nothing.
     */
    public static boolean inUse(Path file) {
        return !file.toString().equals(StoreFile.MEMORY) && StoreLock.isHeld(file);
    }

    private static void release(StoreLock lock, Exception primary) {
        try {
            lock.close();
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** The newest schema version this program can read and write. */
    public static int schemaVersion() {
        return Schema.CURRENT;
    }

    public Path file() {
        return file;
    }

    /** Writes committed since open (snapshots, frontier changes, …), for benchmarks and progress displays. */
    public long committedWrites() {
        return queue.committedOps();
    }

    /** Transactions committed since open. */
    public long transactions() {
        return queue.transactions();
    }

    @Override
    public Frontier frontier() {
        return frontier;
    }

    @Override
    public SnapshotSink snapshots() {
        return snapshots;
    }

    @Override
    public ResponseStore responses() {
        return responses;
    }

    @Override
    public void flush() {
        queue.flush();
    }

    @Override
    public boolean needsRefresh(ProfileRef ref, Duration refreshAfter, Instant now) {
        return reader.newestCrawl(ref).map(at -> !at.plus(refreshAfter).isAfter(now)).orElse(true);
    }

    @Override
    public int requeueStale(Duration refreshAfter, Instant now) {
        return frontier.requeueStale(refreshAfter, now);
    }

    @Override
    public int releaseLeases(Instant now) {
        return frontier.releaseLeases(now);
    }

    @Override
    public Optional<FrontierEntry> frontierEntry(ProfileRef ref) {
        return frontier.entry(ref);
    }

    @Override
    public Iterator<ProfileSnapshot> latestSnapshots() {
        return reader.latestSnapshots();
    }

    @Override
    public Optional<ProfileSnapshot> latestSnapshot(ProfileRef ref) {
        return reader.latest(ref);
    }

    @Override
    public List<HistoryPoint> history(ProfileRef ref) {
        return reader.history(ref);
    }

    @Override
    public long startRun(String configHash, String version) {
        return runs.start(configHash, version);
    }

    @Override
    public void finishRun(long runId, RunInfo.RunStatus status, String reason, Map<String, Long> counters) {
        runs.finish(runId, status, reason, counters);
    }

    @Override
    public List<RunInfo> lastRuns(int n) {
        return runs.last(n);
    }

    @Override
    public int saveScores(long runId, Iterator<ScoredProfile> verdicts) {
        return scores.save(runId, verdicts);
    }

    @Override
    public Iterator<ScoredProfile> scores(long runId) {
        return scores.scores(runId);
    }

    @Override
    public Optional<ScoredProfile> score(long runId, ProfileRef ref) {
        return scores.find(runId, ref.id());
    }

    @Override
    public CandidatePage candidates(CandidateQuery query) {
        return candidates.search(query);
    }

    @Override
    public void saveReview(Review review) {
        reviews.save(review);
    }

    @Override
    public Optional<Review> review(ProfileRef ref) {
        return reviews.find(ref);
    }

    @Override
    public Iterator<Review> reviews() {
        return reviews.all();
    }

    @Override
    public long forget(ProfileRef ref) {
        return eraser.forget(ref);
    }

    @Override
    public int applyRetention(Instant now) {
        return retention.apply(now);
    }

    @Override
    public StoreStatus status(int lastRuns) {
        return new StoreStatus(statusReader.byPlatform(), runs.last(lastRuns),
                statusReader.resumePlan(options.clock().instant()), statusReader.issues(STATUS_ENTRIES));
    }

    @Override
    public void close() {
        try {
            queue.close();
        } finally {
            lock.ifPresent(StoreLock::close);
        }
    }

    @Override
    public String toString() {
        return "SqliteStore[" + file + "]";
    }
}
