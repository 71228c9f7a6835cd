package dev.scout.store.internal;

import dev.scout.store.StoreException;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What differs between the databases the store runs on: a few pieces of SQL and how their errors read. The tables,
 * queries and write queue are shared; each backend gives its dialect to the {@link Sql} it opens. Stateless and
 * thread-safe.
 */
public interface Dialect {

    /** The statement that starts a write transaction. */
    String beginWrite();

    /** The SQL function returning the larger of two values ({@code MAX} in SQLite, {@code GREATEST} elsewhere). */
    String greatest();

    /**
     * Appended to the SELECT that picks frontier rows to claim: empty where a transaction already holds the only
     * write lock (SQLite); {@code FOR UPDATE SKIP LOCKED} on a server, so that concurrent claimers take disjoint rows
     * without waiting for each other.
     */
    String claimLock();

    /** A query returning the id the last INSERT on this connection generated. */
    String lastInsertId();

    /** {@code expr} as an ORDER BY term that ignores letter case ({@code COLLATE NOCASE} in SQLite). */
    String caseless(String expr);

    /**
     * True: every queued operation of a batch runs under its own savepoint (cheap in SQLite). False: the batch first
     * runs without savepoints and only a batch in which an operation failed runs again with them (a savepoint is a
     * subtransaction and a round trip in PostgreSQL).
     */
    boolean savepointPerOperation();

    /** The failure as a {@link StoreException} naming {@code location}, the problem and what to do. */
    StoreException translate(String location, SQLException e, String doing);

    /**
     * True for failures of the database as a whole (disk, lock, connection), after which the batch is abandoned and
     * the store refuses further writes; false for a failure of one statement.
     */
    boolean isEnvironmental(SQLException e);

    /**
     * True when the server failed this transaction to break a deadlock or a serialization conflict with another
     * writer: the conflict is gone once the transaction rolled back, and running it again is the cure (PostgreSQL's
     * SQLSTATE 40P01 and 40001). Never in SQLite, where one writer holds the file at a time.
     */
    boolean isConflict(SQLException e);

    /** The embedded SQLite file. */
    Dialect SQLITE = new Dialect() {
        @Override
        public String beginWrite() {
            return "BEGIN IMMEDIATE";
        }

        @Override
        public String greatest() {
            return "MAX";
        }

        @Override
        public String claimLock() {
            return "";
        }

        @Override
        public String lastInsertId() {
            return "SELECT last_insert_rowid()";
        }

        @Override
        public String caseless(String expr) {
            return expr + " COLLATE NOCASE";
        }

        @Override
        public boolean savepointPerOperation() {
            return true;
        }

        @Override
        public StoreException translate(String location, SQLException e, String doing) {
            return Errors.translate(Path.of(location), e, doing);
        }

        @Override
        public boolean isEnvironmental(SQLException e) {
            return Errors.isEnvironmental(e);
        }

        @Override
        public boolean isConflict(SQLException e) {
            return false;
        }

        @Override
        public String toString() {
            return "SQLite";
        }
    };
}
