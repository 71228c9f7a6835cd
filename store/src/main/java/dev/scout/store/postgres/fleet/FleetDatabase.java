package dev.scout.store.postgres.fleet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The fleet's way into PostgreSQL: a connection per operation from the pool, auto-commit unless the operation asks
 * for a transaction, and every driver error turned into a {@link FleetException} naming the operation. Thread-safe
 * when the data source is.
 */
public final class FleetDatabase {

    /** Work done on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource source;
    private final String name;

    /** @param name how messages name the database, without credentials (e.g. {@code postgresql://db1:5432/scout}) */
    public FleetDatabase(DataSource source, String name) {
        this.source = Objects.requireNonNull(source, "source");
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T call(String what, Work<T> work) {
        try (Connection c = source.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw FleetException.of(what, name, e);
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw FleetException.of(what, name, e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r); // the connection is likely gone; the original error says why
        }
    }
}
