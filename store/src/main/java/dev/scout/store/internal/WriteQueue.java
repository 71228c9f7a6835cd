package dev.scout.store.internal;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;

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

    private static final QueuedOp STOP = new QueuedOp(sql -> null, "stop", null);

    private final String file;
    private final Sql sql;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<QueuedOp> queue;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Thread writer;
    private final LongAdder committedOps = new LongAdder();
    private final LongAdder transactions = new LongAdder();
    private boolean closed; // guarded by gate's write lock
    private volatile StoreException failure;

    /** @param file the store's file, or its server URL with the password masked: named in every error */
    public WriteQueue(String file, Sql sql, int maxBatch, Duration maxDelay, int capacity) {
        this.file = file;
        this.sql = sql;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::runWriter, "scout-store-writer " + threadName(file));
        this.writer.setDaemon(false); // a forgotten close() keeps the JVM alive rather than dropping queued writes
        this.writer.start();
    }

    /** Queues {@code op} and waits until its transaction committed; returns its result or throws its failure. */
    @SuppressWarnings("unchecked")
    public <T> T call(SqlOp<T> op, String what) {
        QueuedOp task = new QueuedOp(op, what, new CompletableFuture<>());
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
                throw new StoreException(se.location(), se.kind(), se.getMessage(), se);
            }
            throw new StoreException(file, Kind.IO, "store " + file + ": could not " + what + ": " + e.getCause(), e.getCause());
        }
    }

    /** Queues {@code op} and returns; blocks only while the queue is full. */
    public void submit(SqlOp<?> op, String what) {
        enqueue(new QueuedOp(op, what, null));
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

    private void enqueue(QueuedOp task) {
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
        List<QueuedOp> batch = new ArrayList<>(maxBatch);
        boolean stop = false;
        while (!stop) {
            QueuedOp first = take();
            if (first == STOP) {
                break;
            }
            batch.add(first);
            boolean urgent = first.waited();
            long deadline = System.nanoTime() + maxDelayNanos;
            while (batch.size() < maxBatch) {
                QueuedOp next = urgent ? queue.poll() : poll(deadline - System.nanoTime());
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
            execute(batch);
            batch.clear();
        }
    }

    private void execute(List<QueuedOp> batch) {
        StoreException failed = failure;
        if (failed != null) {
            BatchTransaction.failAll(batch, failed);
            return;
        }
        // The sticky failure is recorded before the batch's callers wake (a flush woken by it may queue at once).
        BatchTransaction tx = new BatchTransaction(file, sql, batch, e -> failure = e);
        try {
            tx.run().ifPresent(e -> failure = e);
        } catch (RuntimeException | Error e) {
            // Nothing may escape the writer thread: its death would leave every waiting caller blocked forever.
            StoreException dead = new StoreException(file, Kind.IO, "store " + file + ": the writer failed while trying to "
                    + batch.get(0).what() + " (" + e + "); run the command again — the crawl resumes where it stopped", e);
            failure = dead;
            BatchTransaction.failAll(batch, dead);
            return;
        }
        if (tx.committed()) {
            transactions.increment();
            committedOps.add(batch.size());
        }
    }

    private QueuedOp take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() stops the writer: queued writes must still reach the file.
                Thread.interrupted();
            }
        }
    }

    private QueuedOp poll(long nanos) {
        try {
            return nanos <= 0 ? queue.poll() : queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.interrupted();
            return queue.poll();
        }
    }

    private static String threadName(String location) {
        int slash = location.lastIndexOf('/');
        return slash >= 0 && slash < location.length() - 1 ? location.substring(slash + 1) : location;
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
            throw sql.dialect().translate(file, e, "close the database");
        }
        StoreException failed = failure;
        if (failed != null) {
            throw new StoreException(file, failed.kind(), failed.getMessage(), failed);
        }
    }
}
