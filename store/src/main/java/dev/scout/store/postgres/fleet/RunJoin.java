package dev.scout.store.postgres.fleet;

import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Finds the run a starting worker joins, or starts it: under a transaction-scoped PostgreSQL advisory lock, so that
 * workers starting at the same moment start one run between them, not one each.
 */
public final class RunJoin {
    /** Advisory lock key (classid, objid) of the join; distinct from the store's run lock. */
    private static final int LOCK_CLASS = 0x5C0_07;
    private static final int LOCK_JOIN = 16;

    private final FleetDatabase db;

    public RunJoin(FleetDatabase db) {
        this.db = db;
    }

    /**
     * The id of the running run ({@code running}) or, when none runs, of a run {@code start} starts; {@code start}
     * must have committed the run before it returns.
     */
    public long joinOrStart(LongSupplier start, Supplier<Optional<Long>> running) {
        return db.inTransaction("join or start a run", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, LOCK_CLASS);
                ps.setInt(2, LOCK_JOIN);
                ps.execute();
            }
            return running.get().orElseGet(start::getAsLong);
        });
    }
}
