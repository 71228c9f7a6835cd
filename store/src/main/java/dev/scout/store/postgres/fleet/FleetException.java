package dev.scout.store.postgres.fleet;

import java.sql.SQLException;

/**
 * The fleet's tables could not be read or written. {@link #kind()} tells a lost connection (the database restarts,
 * the network drops: try again after a backoff) from any other failure. The message names the operation and the
 * database (never its credentials).
 */
public final class FleetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, independent of the wording of the message. */
    public enum Kind {
        /** The database cannot be reached or dropped the connection (SQL state class 08, 57P0x): transient. */
        UNAVAILABLE,
        /** Any other database error. */
        FAILED
    }

    private final Kind kind;

    public FleetException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Wraps a driver error met while doing {@code what}; connection losses become {@link Kind#UNAVAILABLE}. */
    static FleetException of(String what, String database, SQLException e) {
        Kind kind = isConnectionLoss(e) ? Kind.UNAVAILABLE : Kind.FAILED;
        String advice = kind == Kind.UNAVAILABLE
                ? "; the database is unreachable or restarting, the worker tries again with a backoff"
                : "; check the PostgreSQL server log";
        return new FleetException(kind, "cannot " + what + " on " + database + ": " + e.getMessage() + advice, e);
    }

    static boolean isConnectionLoss(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
