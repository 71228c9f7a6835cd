package dev.scout.store.internal;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Work the database failed to break a deadlock or a serialization conflict with another writer: PostgreSQL's
 * SQLSTATE 40P01 and 40001, where several workers share a store. The failed transaction was rolled back whole, so
 * running it again is the cure (as PostgreSQL's documentation advises), once the other writer had a moment to commit.
 */
public final class Conflicts {
    /** How many times work runs when each run loses a conflict to another writer. */
    public static final int RUNS = 5;

    private Conflicts() {
    }

    /** True when {@code e}, an exception it chains, or one it caused says the server broke a conflict with it. */
    public static boolean isConflict(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Waits before run {@code run + 1}. Run again at once, the work took its first rows back while the other writer
     * was still at its last ones, and they deadlocked anew: a short random pause, longer each time, lets the other
     * writer commit first.
     */
    public static void pauseAfter(int run) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(20, 60) * run));
    }
}
