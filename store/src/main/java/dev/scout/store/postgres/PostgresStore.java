package dev.scout.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.scout.store.Store;
import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;
import dev.scout.store.StoreOptions;
import dev.scout.store.internal.Sql;
import dev.scout.store.internal.SqlStore;
import dev.scout.store.internal.WriteQueue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
public final class PostgresStore extends SqlStore {
    /** The advisory lock a run holds ({@code pg_locks}: classid, objid). */
    static final int LOCK_CLASS = 0x53434f55; // "SCOU"
    static final int LOCK_RUN = 1;

    private final PostgresLocation where;
    private final HikariDataSource pool;

    private PostgresStore(PostgresLocation where, StoreOptions options, HikariDataSource pool, Sql writer) {
        super(where.masked(), new WriteQueue(where.masked(), writer, options.maxBatch(), options.maxDelay(),
                options.queueCapacity()), options);
        this.where = where;
        this.pool = pool;
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

    /** Closes the pool: the writer's connection, and with it a run lock, is already closed. */
    @Override
    protected void release() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PostgresStore[" + where.masked() + "]";
    }
}
