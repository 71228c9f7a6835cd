package dev.scout.store.internal;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The single writer of a store: every operation runs, in the order it was queued, on one connection owned by one
 * named thread. Operations are grouped into transactions of at most {@code maxBatch}; a batch waits up to
 * {@code maxDelay} for companions unless a caller is waiting for its result, in which case it commits at once.
 *
 * <p>{@link #submit} returns as soon as the operation is queued (write-behind); {@link #call} returns after the
 * transaction holding the operation committed. Because order is kept, a later committed operation proves every
 * earlier one committed too. A failure of a queued operation nobody waits for, or of the file itself (disk full,
 * I/O, lock), is sticky: every later call throws it, so no write is ever dropped silently.
 *
 * <p>Thread-safe.
 */
public final class WriteQueue implements AutoCloseable {

    private record Task(SqlOp<?> op, String what, CompletableFuture<Object> result) {
        boolean waited() {
            return result != null;
        }
    }

    private static final Task STOP = new Task(sql -> null, "stop", null);

    private final Path file;
    private final Sql sql;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<Task> queue;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Thread writer;
    private final LongAdder committedOps = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private boolean closed; // guarded by gate's write lock
    private volatile StoreException failure;

    public WriteQueue(Path file, Sql sql, int maxBatch, Duration maxDelay, int capacity) {
        this.file = file;
        this.sql = sql;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity + 1); // + 1: room for STOP
        this.writer = new Thread(this::runWriter, "scout-store-writer " + file.getFileName());
        this.writer.setDaemon(false);
        this.writer.start();
    }

    /** Queues {@code op} and waits until its transaction committed; returns its result or throws its failure. */
    @SuppressWarnings("unchecked")
    public <T> T call(SqlOp<T> op, String what) {
        Task task = new Task(op, what, new CompletableFuture<>());
        enqueue(task);
        try {
            return (T) task.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(file, Kind.INTERRUPTED, "interrupted while waiting for store " + file + " to "
                    + what + "; the operation is still queued and will be committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException se) {
                // A fresh exception keeps the caller's stack; the writer's is the cause.
                throw new StoreException(se.file(), se.kind(), se.getMessage(), se);
            }
            throw new StoreException(file, Kind.IO, "store " + file + ": could not " + what + ": " + e.getCause(), e.getCause());
        }
    }

    /** Queues {@code op} and returns; blocks only while the queue is full. */
    public void submit(SqlOp<?> op, String what) {
        enqueue(new Task(op, what, null));
    }

    /** Waits until everything queued before this call is committed. */
    public void flush() {
        call(s -> null, "commit queued writes");
    }

    /** Operations committed so far (for benchmarks and status). */
    public long committedOps() {
        return committedOps.sum();
    }

    /** Transactions committed so far. */
    public long transactions() {
        return transactions.sum();
    }

    private void enqueue(Task task) {
        StoreException failed = failure;
        if (failed != null) {
            throw new StoreException(file, failed.kind(), failed.getMessage(), failed);
        }
        gate.readLock().lock();
        try {
            if (closed) {
                throw new StoreException(file, Kind.CLOSED, "store " + file + " is closed; cannot " + task.what());
            }
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(file, Kind.INTERRUPTED, "interrupted while queueing '" + task.what()
                    + "' for store " + file + "; it was not stored", e);
        } finally {
            gate.readLock().unlock();
        }
    }

    private void runWriter() {
        List<Task> batch = new ArrayList<>(maxBatch);
        boolean stop = false;
        while (!stop) {
            Task first = take();
            if (first == STOP) {
                break;
            }
            batch.add(first);
            boolean urgent = first.waited();
            long deadline = System.nanoTime() + maxDelayNanos;
            while (batch.size() < maxBatch) {
                Task next = urgent ? queue.poll() : poll(deadline - System.nanoTime());
                if (next == null) {
                    break;
                }
                if (next == STOP) {
                    stop = true;
                    break;
                }
                batch.add(next);
                urgent |= next.waited();
            }
            new BatchRun(batch).execute();
            batch.clear();
        }
    }

    private Task take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer: queued writes must still reach the file.
                Thread.interrupted();
            }
        }
    }

    private Task poll(long nanos) {
        try {
            return nanos <= 0 ? queue.poll() : queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.interrupted();
            return queue.poll();
        }
    }

    /** One transaction over a batch; each operation under a savepoint so one bad statement fails only its own task. */
    private final class BatchRun {
        private final List<Task> tasks;
        private final Object[] results;
        private final StoreException[] errors;

        BatchRun(List<Task> tasks) {
            this.tasks = tasks;
            this.results = new Object[tasks.size()];
            this.errors = new StoreException[tasks.size()];
        }

        void execute() {
            StoreException sticky = failure;
            if (sticky != null) {
                failAll(sticky);
                return;
            }
            try {
                sql.execCached("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                abandon(Errors.translate(file, e, "start a transaction for " + tasks.get(0).what()));
                return;
            }
            for (int i = 0; i < tasks.size(); i++) {
                if (!runOne(i)) {
                    return;
                }
            }
            try {
                sql.execCached("COMMIT");
            } catch (SQLException e) {
                rollback();
                abandon(Errors.translate(file, e, "commit " + tasks.size() + " queued writes"));
                return;
            }
            transactions.increment();
            committedOps.add(tasks.size());
            for (int i = 0; i < tasks.size(); i++) {
                Task t = tasks.get(i);
                if (t.waited()) {
                    if (errors[i] == null) {
                        t.result().complete(results[i]);
                    } else {
                        t.result().completeExceptionally(errors[i]);
                    }
                }
            }
        }

        /** Runs task {@code i}; false when the whole batch had to be abandoned. */
        private boolean runOne(int i) {
            Task t = tasks.get(i);
            try {
                sql.execCached("SAVEPOINT op");
                results[i] = t.op().run(sql);
                sql.execCached("RELEASE op");
                return true;
            } catch (SQLException e) {
                if (Errors.isEnvironmental(e)) {
                    rollback();
                    abandon(Errors.translate(file, e, t.what()));
                    return false;
                }
                return failOne(i, Errors.translate(file, e, t.what()));
            } catch (StoreException e) {
                return failOne(i, e);
            } catch (RuntimeException e) {
                return failOne(i, new StoreException(file, Kind.IO, "store " + file + ": could not " + t.what()
                        + ": " + e, e));
            }
        }

        private boolean failOne(int i, StoreException e) {
            try {
                sql.execCached("ROLLBACK TO op");
                sql.execCached("RELEASE op");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
                rollback();
                abandon(e);
                return false;
            }
            errors[i] = e;
            if (!tasks.get(i).waited()) {
                failure = e; // nobody waits for it: make it visible to every later caller
            }
            return true;
        }

        private void rollback() {
            try {
                sql.exec("ROLLBACK");
            } catch (SQLException e) {
                // After SQLITE_FULL or an I/O error SQLite may already have rolled back; record, do not hide.
                StoreException sticky = failure;
                if (sticky != null) {
                    sticky.addSuppressed(e);
                }
            }
        }

        private void abandon(StoreException e) {
            failure = e;
            failAll(e);
        }

        private void failAll(StoreException e) {
            for (Task t : tasks) {
                if (t.waited()) {
                    t.result().completeExceptionally(e);
                }
            }
        }
    }

    /** Commits what is queued, stops the writer and closes the connection. Idempotent. */
    @Override
    public void close() {
        gate.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            queue.put(STOP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(file, Kind.INTERRUPTED, "interrupted while closing store " + file, e);
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true; // finish closing: the queued writes are what the caller was promised
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            sql.close();
        } catch (SQLException e) {
            throw Errors.translate(file, e, "close the database");
        }
        StoreException failed = failure;
        if (failed != null) {
            throw new StoreException(file, failed.kind(), failed.getMessage(), failed);
        }
    }
}
