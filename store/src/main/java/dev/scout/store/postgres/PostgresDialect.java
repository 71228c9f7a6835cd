package dev.scout.store.postgres;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;
import dev.scout.store.internal.Conflicts;
import dev.scout.store.internal.Dialect;

import java.sql.SQLException;
import java.util.Objects;

/**
 * PostgreSQL's side of the shared store SQL, and its errors told apart by SQLSTATE (never by message text). Messages
 * name the server by its masked URL; PostgreSQL's own messages carry no password. Stateless and thread-safe.
 */
final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
    }

    @Override
    public String beginWrite() {
        return "BEGIN";
    }

    @Override
    public String greatest() {
        return "GREATEST";
    }

    @Override
    public String claimLock() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String lastInsertId() {
        return "SELECT lastval()";
    }

    @Override
    public String caseless(String expr) {
        return "lower(" + expr + ")";
    }

    @Override
    public boolean savepointPerOperation() {
        return false;
    }

    @Override
    public StoreException translate(String location, SQLException e, String doing) {
        String state = Objects.requireNonNullElse(e.getSQLState(), "");
        String detail = " (" + e.getMessage() + ")";
        if (isConnection(state)) {
            return new StoreException(location, Kind.UNREACHABLE, "lost the connection to the PostgreSQL store "
                    + location + detail + " so Scout could not " + doing + ". Check that the server is up"
                    + " (pg_isready), then run the same command again: the crawl resumes where it stopped.", e);
        }
        if (state.startsWith("28") || state.equals("42501")) {
            return new StoreException(location, Kind.ACCESS_DENIED, "the PostgreSQL store " + location
                    + " refused to let Scout " + doing + detail + ". Grant the user rights on the database's"
                    + " tables, or use the user that created them.", e);
        }
        if (state.equals("53100")) {
            return new StoreException(location, Kind.DISK_FULL, "the disk of the PostgreSQL store " + location
                    + " is full so Scout could not " + doing + detail + ". Free some space on the server and run the"
                    + " same command again: the crawl resumes where it stopped.", e);
        }
        return new StoreException(location, Kind.IO, "PostgreSQL store " + location + ": could not " + doing
                + detail + ". Check the server's log, then run the command again.", e);
    }

    @Override
    public boolean isEnvironmental(SQLException e) {
        String state = Objects.requireNonNullElse(e.getSQLState(), "");
        // Connection, credentials, resources (disk, memory, connections), operator intervention, system errors.
        return isConnection(state) || state.startsWith("28") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("58") || state.startsWith("XX");
    }

    @Override
    public boolean isConflict(SQLException e) {
        return Conflicts.isConflict(e);
    }

    static boolean isConnection(String sqlState) {
        return sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03");
    }

    @Override
    public String toString() {
        return "PostgreSQL";
    }
}
