package dev.scout.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.SnapshotSink;
import dev.scout.model.HistoryPoint;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.FrontierEntry;
import dev.scout.store.RunInfo;
import dev.scout.store.Store;
import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;
import dev.scout.store.StoreOptions;
import dev.scout.store.StoreStatus;
import dev.scout.store.TextRetention;
import dev.scout.store.internal.Json;
import dev.scout.store.internal.ProfileEraser;
import dev.scout.store.internal.ResponseTable;
import dev.scout.store.internal.RetentionSweeper;
import dev.scout.store.internal.RunLog;
import dev.scout.store.internal.ScoreTable;
import dev.scout.store.internal.SnapshotReader;
import dev.scout.store.internal.SnapshotWriter;
import dev.scout.store.internal.Sql;
import dev.scout.store.internal.SqlFrontier;
import dev.scout.store.internal.StatusReader;
import dev.scout.store.internal.WriteQueue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link Store} on a PostgreSQL server, for several Scout processes (on several machines) sharing one frontier.
 * The same tables and queries as {@link dev.scout.store.SqliteStore}, migrated by Flyway, and the same write-behind
 * queue: one writer connection per process commits batched transactions in order, so the ordering guarantee of
 * {@link Store} holds per process. Claims select rows {@code FOR UPDATE SKIP LOCKED}, so processes never get the same
 * entry while its lease runs.
 *
 * <pre>{@code
 * try (Store store = PostgresStore.open(PostgresLocation.parse("postgresql://scout@db.example/scout"), options)) { ... }
 * }</pre>
 *
 * <p>Opened {@link StoreOptions#exclusive() exclusive} (a {@code scout run}), it holds a PostgreSQL advisory lock for
 * as long as it is open and refuses to open ({@code IN_USE}) while another run holds it. Opening fails with
 * {@code UNREACHABLE}, {@code ACCESS_DENIED}, {@code NO_DATABASE} or {@code NEWER_SCHEMA}, naming the URL with the
 * password masked. Thread-safe; always {@link #close()} it.
 */
public final class PostgresStore implements Store {
    /** The advisory lock a run holds ({@code pg_locks}: classid, objid). */
    static final int LOCK_CLASS = 0x53434f55; // "SCOU"
    static final int LOCK_RUN = 1;
    private static final int STATUS_ENTRIES = 10;

    private final PostgresLocation where;
    private final StoreOptions options;
    private final HikariDataSource pool;
    private final WriteQueue queue;
    private final SqlFrontier frontier;
    private final SnapshotWriter snapshots;
    private final SnapshotReader reader;
    private final RunLog runs;
    private final ScoreTable scores;
    private final ResponseStore responses;
    private final ProfileEraser eraser;
    private final StatusReader statusReader;
    private final RetentionSweeper retention;

    private PostgresStore(PostgresLocation where, StoreOptions options, HikariDataSource pool, Sql writer) {
        this.where = where;
        this.options = options;
        this.pool = pool;
        String name = where.masked();
        this.queue = new WriteQueue(name, writer, options.maxBatch(), options.maxDelay(), options.queueCapacity());
        Json json = new Json(name);
        this.frontier = new SqlFrontier(queue, options.clock());
        this.snapshots = new SnapshotWriter(queue, json, options.textRetention(), options.clock());
        this.reader = new SnapshotReader(queue, json);
        this.runs = new RunLog(queue, json, options.clock(), name);
        this.scores = new ScoreTable(queue, json);
        this.responses = options.textRetention().mode() == TextRetention.Mode.KEEP
                ? new ResponseTable(queue, options.clock(), name) : ResponseStore.NONE;
        this.eraser = new ProfileEraser(queue);
        this.statusReader = new StatusReader(queue);
        this.retention = new RetentionSweeper(queue, json, options.textRetention());
    }

    /** Connects, migrates the schema and starts the writer; see the class comment for the failures. */
    public static PostgresStore open(PostgresLocation where, StoreOptions options) {
        HikariDataSource pool = PostgresDatabase.open(where, options);
        Connection connection = null;
        try {
            connection = pool.getConnection();
            if (options.exclusive()) {
                lockRun(connection, where);
            }
            return new PostgresStore(where, options, pool, new Sql(connection, PostgresDialect.INSTANCE));
        } catch (SQLException e) {
            close(connection, e);
            pool.close();
            throw PostgresDatabase.openFailure(where, e);
        } catch (RuntimeException e) {
            close(connection, e);
            pool.close();
            throw e;
        }
    }

    private static void lockRun(Connection connection, PostgresLocation where) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_CLASS + ", " + LOCK_RUN + ")")) {
            if (rs.next() && rs.getBoolean(1)) {
                return;
            }
        }
        throw new StoreException(where.masked(), Kind.IN_USE, "another scout run is using the PostgreSQL store "
                + where.masked() + " (it holds the store's run lock). Wait for it to finish, or stop it; 'scout status'"
                + " works meanwhile.");
    }

    private static void close(Connection connection, Exception primary) {
        if (connection == null) {
            return;
        }
        try {
            connection.close(); // back to the pool; a session-level advisory lock ends with the pool's close
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
    }

    /**
     * True when a run holds the store's run lock now (in this process or another), so a {@code running} run in it is
     * live rather than the leftover of a killed process. Changes nothing.
     */
    public boolean runInProgress() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                     + " AND classid = " + LOCK_CLASS + " AND objid = " + LOCK_RUN
                     + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw PostgresDialect.INSTANCE.translate(where.masked(), e, "check whether a run holds the store");
        }
    }

    /** The server and database, password masked. */
    public PostgresLocation location() {
        return where;
    }

    /**
     * The store's connection pool, for tables that live beside the store's (the fleet's host leases); the store's
     * own writes go through its writer, not through this pool.
     */
    public DataSource dataSource() {
        return pool;
    }

    /** Writes committed since open. */
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

    /** Commits what is queued, closes the writer's connection (ending a run lock) and the pool. Idempotent. */
    @Override
    public void close() {
        try {
            queue.close();
        } finally {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "PostgresStore[" + where.masked() + "]";
    }
}
