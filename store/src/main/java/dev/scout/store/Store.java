package dev.scout.store;

import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.SnapshotSink;
import dev.scout.model.HistoryPoint;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Scout keeps between runs: the crawl frontier, profile snapshots over time, posts seen, scores per
 * run, runs, and HTTP validators. The embedded implementation is {@link SqliteStore}; the interface exists so a
 * server database can come later.
 *
 * <p><b>Write ordering.</b> Frontier transitions, snapshots, validators and scores go through one ordered
 * write-behind queue. A snapshot given to {@link #snapshots()} before {@link Frontier#complete} is committed in
 * the same or an earlier transaction, so an entry that is {@code done} always has its snapshot: callers must
 * accept the snapshot first, then complete the entry. A crash loses at most writes not yet committed; their
 * entries stay in flight and are claimed again when the lease ends.
 *
 * <p><b>Reads</b> ({@link #history}, {@link #latestSnapshots}, {@link #scores}, {@link #status}, …) first wait for
 * queued writes to commit, so a caller always reads its own writes.
 *
 * <p>Thread-safe. Every method throws {@link StoreException} naming the store file when the database fails.
 */
public interface Store extends AutoCloseable {

    /** The crawl frontier, under leases; state lives in the database, not in memory. */
    Frontier frontier();

    /** Stores each snapshot (counts, posts seen, full JSON) through the write-behind queue; blocks when the queue is full. */
    SnapshotSink snapshots();

    /**
     * The persistent tier of the fetcher's conditional-GET cache: responses with an {@code ETag} or
     * {@code Last-Modified}, owned by a profile, so that a later run revalidates them (304) instead of downloading
     * them again. Removed by {@link #forget}. Keeps nothing unless post text is kept ({@link TextRetention#keep()}):
     * a stored body holds the posts' raw text.
     */
    ResponseStore responses();

    /** Waits until every write queued so far is committed to the file. */
    void flush();

    /** True when {@code ref} has no snapshot, or its newest is older than {@code refreshAfter} at {@code now}. */
    boolean needsRefresh(ProfileRef ref, Duration refreshAfter, Instant now);

    /**
     * Makes {@code done} entries whose newest snapshot is older than {@code refreshAfter} (or who have none) pending
     * again, so a later run re-fetches only what is stale. Returns how many were re-queued.
     */
    int requeueStale(Duration refreshAfter, Instant now);

    /**
     * Makes every in-flight entry pending again (attempts kept). Call it at the start of a run when this process is
     * the store's only user: the leases of a killed run would otherwise hold their profiles until they expire.
     * Returns how many were released.
     */
    int releaseLeases(Instant now);

    /**
     * The frontier's entry for {@code ref} (state, last reason, depth, how it was found), after every queued write;
     * empty when the frontier never met it. Tells why a profile has no snapshot (skipped, failed, waiting).
     */
    Optional<FrontierEntry> frontierEntry(ProfileRef ref);

    /**
     * The newest snapshot of every profile, in id order, each with its {@link ProfileSnapshot#history()} filled from
     * snapshots of earlier UTC days (one point per day) — for re-scoring without refetching. Streams in pages;
     * memory does not grow with the store.
     */
    Iterator<ProfileSnapshot> latestSnapshots();

    /** The newest snapshot of one profile, with history. */
    Optional<ProfileSnapshot> latestSnapshot(ProfileRef ref);

    /** One point per UTC day (the last observation of that day) before and including the newest, oldest first. */
    List<HistoryPoint> history(ProfileRef ref);

    /** Starts a run and returns its id. */
    long startRun(String configHash, String version);

    /**
     * Records how a run ended, why (one short line: newlines become spaces, longer than {@link RunInfo#MAX_REASON}
     * is cut; "" when there is nothing to say) and its counters.
     */
    void finishRun(long runId, RunInfo.RunStatus status, String reason, Map<String, Long> counters);

    /** {@link #finishRun(long, RunInfo.RunStatus, String, Map)} without a reason. */
    default void finishRun(long runId, RunInfo.RunStatus status, Map<String, Long> counters) {
        finishRun(runId, status, "", counters);
    }

    /** The {@code n} most recent runs, newest first. */
    List<RunInfo> lastRuns(int n);

    /** Stores the verdicts of a run (replacing an earlier verdict of the same profile in that run); returns how many. */
    int saveScores(long runId, Iterator<ScoredProfile> scores);

    /** The verdicts of a run, best score first, streamed in pages. */
    Iterator<ScoredProfile> scores(long runId);

    /** The verdict on {@code ref} in run {@code runId}, when that run scored it. */
    Optional<ScoredProfile> score(long runId, ProfileRef ref);

    /**
     * One page of a run's verdicts, filtered and sorted as {@code query} says, each with its profile's review, and the
     * number of matching verdicts. Reads narrow indexed columns only; memory holds one page.
     */
    CandidatePage candidates(CandidateQuery query);

    /**
     * Stores a scout's review of a profile, replacing the one before; committed when this returns. Reviews belong to
     * the profile, not a run: later runs, re-crawls and text retention keep them; {@link #forget} removes them.
     */
    void saveReview(Review review);

    /** The review of {@code ref}, when one was made. */
    Optional<Review> review(ProfileRef ref);

    /** Every review, in profile-id order, streamed in pages (for exports). */
    Iterator<Review> reviews();

    /**
     * Removes a profile and everything about it: frontier entry, snapshots, posts, scores in every run, the scout's
     * review, stored HTTP responses.
     * Returns how many rows were deleted (0 when the store knew nothing of it).
     */
    long forget(ProfileRef ref);

    /** Erases post text older than the configured {@link TextRetention}; returns how many posts lost their text. */
    int applyRetention(Instant now);

    /** Frontier by platform and state, the last {@code lastRuns} runs and what a resume would do now. */
    StoreStatus status(int lastRuns);

    /** {@link #status(int)} with the last five runs. */
    default StoreStatus status() {
        return status(5);
    }

    /** Commits everything queued, then releases the file. Idempotent. */
    @Override
    void close();
}
