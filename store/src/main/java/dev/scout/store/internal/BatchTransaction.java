package dev.scout.store.internal;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One transaction over a batch of queued operations, each under a savepoint so that one bad statement fails only
 * its own operation. A failure of the file itself (disk full, I/O, lock) abandons the whole batch. Waiting callers
 * are completed after the commit, never before. Used by the writer thread only; not thread-safe.
 */
final class BatchTransaction {
    private final String file;
    private final Sql sql;
    private final List<QueuedOp> ops;
    private final Object[] results;
    private final StoreException[] errors;
    private StoreException sticky;
    private boolean committed;
    private final Consumer<StoreException> onSticky;

    /**
     * @param onSticky receives the failure every later caller must see before any waiting caller of this batch is
     *                 released, so that a caller woken by the failure already finds it recorded
     */
    BatchTransaction(String file, Sql sql, List<QueuedOp> ops, Consumer<StoreException> onSticky) {
        this.file = file;
        this.sql = sql;
        this.ops = ops;
        this.onSticky = onSticky;
        this.results = new Object[ops.size()];
        this.errors = new StoreException[ops.size()];
    }

    /** Runs and commits the batch; returns the failure every later caller must see (a write-behind op failed, or the file did). */
    Optional<StoreException> run() {
        if (!sql.dialect().savepointPerOperation() && runWithoutSavepoints()) {
            return finishCommitted();
        }
        try {
            sql.execCached(sql.dialect().beginWrite());
        } catch (SQLException e) {
            return abandon(sql.dialect().translate(file, e, "start a transaction for " + ops.get(0).what()));
        }
        for (int i = 0; i < ops.size(); i++) {
            Optional<StoreException> fatal = runOne(i);
            if (fatal.isPresent()) {
                return fatal;
            }
        }
        try {
            sql.execCached("COMMIT");
        } catch (SQLException e) {
            StoreException failure = sql.dialect().translate(file, e, "commit " + ops.size() + " queued writes");
            rollback(failure);
            return abandon(failure);
        }
        return finishCommitted();
    }

    /**
     * The whole batch in one transaction without a savepoint per operation (on PostgreSQL each savepoint is a
     * subtransaction and a round trip). A batch the server failed to break a deadlock with another writer (two fleet
     * workers offering the same profiles in their own orders) runs again, up to {@link Conflicts#RUNS} times: the
     * other writer went on, and after a short pause the conflict is gone. Returns false, with everything rolled back,
     * when an operation failed otherwise: the caller then runs the batch again with savepoints, which tells the failed
     * operation from the others. An operation may therefore run more than once; it must do nothing outside the
     * database.
     */
    private boolean runWithoutSavepoints() {
        for (int run = 1; ; run++) {
            Optional<Exception> failure = runOnceWithoutSavepoints();
            if (failure.isEmpty()) {
                return true;
            }
            if (run == Conflicts.RUNS || !(failure.get() instanceof SQLException e) || !sql.dialect().isConflict(e)) {
                return false;
            }
            Conflicts.pauseAfter(run);
        }
    }

    /** One run of the whole batch; the failure that rolled it back, if any. */
    private Optional<Exception> runOnceWithoutSavepoints() {
        try {
            sql.execCached(sql.dialect().beginWrite());
        } catch (SQLException e) {
            return Optional.of(e); // the careful run meets the same failure and reports it
        }
        try {
            for (int i = 0; i < ops.size(); i++) {
                results[i] = ops.get(i).op().run(sql);
            }
            sql.execCached("COMMIT");
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            try {
                sql.exec("ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure); // the careful run starts with BEGIN and reports a dead connection
            }
            java.util.Arrays.fill(results, null);
            return Optional.of(e);
        }
    }

    /** Completes the waiting callers of a committed batch. */
    private Optional<StoreException> finishCommitted() {
        committed = true;
        if (sticky != null) {
            onSticky.accept(sticky);
        }
        StoreException lostEarlier = null; // a write-behind op before this point failed
        for (int i = 0; i < ops.size(); i++) {
            QueuedOp op = ops.get(i);
            if (!op.waited()) {
                lostEarlier = lostEarlier == null ? errors[i] : lostEarlier;
            } else if (errors[i] != null) {
                op.result().completeExceptionally(errors[i]);
            } else if (lostEarlier != null) {
                // Its own work committed, but a caller waiting here (flush above all) must learn that an earlier write was lost.
                op.result().completeExceptionally(lostEarlier);
            } else {
                op.result().complete(results[i]);
            }
        }
        return Optional.ofNullable(sticky);
    }

    boolean committed() {
        return committed;
    }

    /** Fails every waiting caller of {@code ops} with {@code e} without running anything. */
    static void failAll(List<QueuedOp> ops, StoreException e) {
        for (QueuedOp op : ops) {
            if (op.waited()) {
                op.result().completeExceptionally(e);
            }
        }
    }

    /** Runs operation {@code i}; returns a failure when the whole batch had to be abandoned. */
    private Optional<StoreException> runOne(int i) {
        QueuedOp op = ops.get(i);
        try {
            sql.execCached("SAVEPOINT op");
            results[i] = op.op().run(sql);
            sql.execCached("RELEASE op");
            return Optional.empty();
        } catch (SQLException e) {
            StoreException failure = sql.dialect().translate(file, e, op.what());
            if (sql.dialect().isEnvironmental(e)) {
                rollback(failure);
                return abandon(failure);
            }
            return failOne(i, failure);
        } catch (StoreException e) {
            return failOne(i, e);
        } catch (RuntimeException e) {
            return failOne(i, new StoreException(file, Kind.IO, "store " + file + ": could not " + op.what() + ": " + e, e));
        }
    }

    private Optional<StoreException> failOne(int i, StoreException e) {
        try {
            sql.execCached("ROLLBACK TO op");
            sql.execCached("RELEASE op");
        } catch (SQLException rollbackFailure) {
            e.addSuppressed(rollbackFailure);
            rollback(e);
            return abandon(e);
        }
        errors[i] = e;
        if (!ops.get(i).waited() && sticky == null) {
            sticky = e; // nobody waits for it: every later caller must learn that a write was lost
        }
        return Optional.empty();
    }

    private void rollback(StoreException cause) {
        try {
            sql.exec("ROLLBACK");
        } catch (SQLException e) {
            // After SQLITE_FULL or an I/O error SQLite may already have rolled back; keep the detail with the cause.
            cause.addSuppressed(e);
        }
    }

    private Optional<StoreException> abandon(StoreException e) {
        onSticky.accept(e);
        failAll(ops, e);
        return Optional.of(e);
    }
}
