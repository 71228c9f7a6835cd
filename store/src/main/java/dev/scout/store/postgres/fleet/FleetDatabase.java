package dev.scout.store.postgres.fleet;

import dev.scout.store.internal.Conflicts;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The fleet's way into PostgreSQL: a connection per operation from the pool, auto-commit unless the operation asks
 * for a transaction, and every driver error turned into a {@link FleetException} naming the operation. Work that
 * PostgreSQL failed to break a deadlock with another worker runs again ({@link Conflicts}): every operation here is
 * one statement (or one batch, which the driver sends as one transaction) or one transaction, rolled back whole, so
 * running it again is safe. Thread-safe when the data source is.
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
        return runAgainOnConflict(what, work);
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        return runAgainOnConflict(what, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        });
    }

    private <T> T runAgainOnConflict(String what, Work<T> work) {
        for (int run = 1; ; run++) {
            try (Connection c = source.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                if (run == Conflicts.RUNS || !Conflicts.isConflict(e)) {
                    throw FleetException.of(what, name, e);
                }
            }
            Conflicts.pauseAfter(run);
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
