package dev.scout.store.internal;

import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.SnapshotSink;
import dev.scout.model.HistoryPoint;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.CandidatePage;
import dev.scout.store.CandidateQuery;
import dev.scout.store.FrontierEntry;
import dev.scout.store.Review;
import dev.scout.store.RunInfo;
import dev.scout.store.Store;
import dev.scout.store.StoreOptions;
import dev.scout.store.StoreStatus;
import dev.scout.store.TextRetention;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Store} over the shared SQL tables, behind one {@link WriteQueue}: everything the SQLite and the
 * PostgreSQL stores have in common, which is all but how the database is opened, locked and let go. The two backends
 * run the same table classes on the same queue, so one implementation of the interface serves both, and the shared
 * contract tests hold for both by construction.
 */
public abstract class SqlStore implements Store {
    /** Entries of each kind (waiting for a retry, failed for good) {@link #status} lists by id. */
    private static final int STATUS_ENTRIES = 10;

    private final StoreOptions options;
    private final WriteQueue queue;
    private final SqlFrontier frontier;
    private final SnapshotWriter snapshots;
    private final SnapshotReader reader;
    private final RunLog runs;
    private final ScoreTable scores;
    private final CandidateSearch candidates;
    private final ReviewTable reviews;
    private final ResponseStore responses;
    private final ProfileEraser eraser;
    private final StatusReader statusReader;
    private final RetentionSweeper retention;

    /** {@code name} names the store in errors (a file, or a URL with the password masked). */
    protected SqlStore(String name, WriteQueue queue, StoreOptions options) {
        this.options = options;
        this.queue = queue;
        Json json = new Json(name);
        this.frontier = new SqlFrontier(queue, options.clock());
        this.snapshots = new SnapshotWriter(queue, json, options.textRetention(), options.clock());
        this.reader = new SnapshotReader(queue, json);
        this.runs = new RunLog(queue, json, options.clock(), name);
        this.scores = new ScoreTable(queue, json);
        this.candidates = new CandidateSearch(queue);
        this.reviews = new ReviewTable(queue);
        // A stored body holds the posts' raw text, so only a store that keeps text may keep bodies.
        this.responses = options.textRetention().mode() == TextRetention.Mode.KEEP
                ? new ResponseTable(queue, options.clock(), name) : ResponseStore.NONE;
        this.eraser = new ProfileEraser(queue);
        this.statusReader = new StatusReader(queue);
        this.retention = new RetentionSweeper(queue, json, options.textRetention());
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

    /**
     * Commits what is queued and stops the writer, then lets the database go ({@link #release()}), even when the
     * last commit failed.
     */
    @Override
    public final void close() {
        try {
            queue.close();
        } finally {
            release();
        }
    }

    /** Lets go of what the backend holds beyond the writer: a lock file, a connection pool. */
    protected abstract void release();
}
