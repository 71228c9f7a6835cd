package dev.scout.store;

import dev.scout.store.internal.Schema;
import dev.scout.store.internal.SqlStore;
import dev.scout.store.internal.StoreFile;
import dev.scout.store.internal.StoreLock;
import dev.scout.store.internal.WriteQueue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The embedded {@link Store}: one SQLite file in WAL mode, schema migrated on open, all work done by one writer
 * thread in batched transactions (see {@link Store} for the ordering guarantee).
 *
 * <pre>{@code
 * try (Store store = SqliteStore.open(Path.of("scout.db"))) {
 *     Frontier frontier = store.frontier();
 *     SnapshotSink sink = store.snapshots();
 *     ...
 * }
 * }</pre>
 *
 * <p>Opening refuses, with a {@link StoreException} naming the file and what to do and without changing it: a file
 * that is not a SQLite database or fails SQLite's {@code PRAGMA quick_check} ({@code CORRUPT}), one written by a
 * newer Scout ({@code NEWER_SCHEMA}), one locked by another process for longer than the busy timeout
 * ({@code LOCKED}), and — when opened {@link StoreOptions#exclusive() exclusive}, as a run does — one whose lock
 * file another run holds ({@code IN_USE}). Thread-safe.
 *
 * <p>Always {@link #close()} it (the composition root owns it): close commits what is queued and stops the writer
 * thread, which is not a daemon, so a forgotten close keeps the JVM alive instead of dropping writes.
 */
public final class SqliteStore extends SqlStore {
    private final Path file;
    private final Optional<StoreLock> lock;

    private SqliteStore(Path file, StoreOptions options, Optional<StoreLock> lock) {
        super(file.toString(), new WriteQueue(file.toString(), StoreFile.open(file, options), options.maxBatch(),
                options.maxDelay(), options.queueCapacity()), options);
        this.file = file;
        this.lock = lock;
    }

    /** Opens (creating when absent) the store at {@code file} with default options; {@code :memory:} for a private in-memory store. */
    public static SqliteStore open(Path file) {
        return open(file, StoreOptions.defaults());
    }

    public static SqliteStore open(Path file, StoreOptions options) {
        boolean memory = file.toString().equals(StoreFile.MEMORY);
        // The lock comes first: a second run is refused before it reads, checks or migrates anything.
        Optional<StoreLock> lock = options.exclusive() && !memory ? Optional.of(StoreLock.acquire(file)) : Optional.empty();
        try {
            return new SqliteStore(file, options, lock);
        } catch (RuntimeException e) {
            lock.ifPresent(l -> release(l, e));
            throw e;
        }
    }

    /** A private in-memory store (tests, {@code scout score} on an imported file); it needs no lock. */
    public static SqliteStore inMemory(StoreOptions options) {
        return open(Path.of(StoreFile.MEMORY), options);
    }

    /**
     * True when a run holds the store at {@code file} now (its lock file {@code <file>.lock} is locked, by this
     * process or another), so a {@code running} run in it is live rather than the leftover of a killed process.
     * Changes nothing.
     */
    public static boolean inUse(Path file) {
        return !file.toString().equals(StoreFile.MEMORY) && StoreLock.isHeld(file);
    }

    private static void release(StoreLock lock, Exception primary) {
        try {
            lock.close();
        } catch (RuntimeException e) {
            primary.addSuppressed(e);
        }
    }

    /** The newest schema version this program can read and write. */
    public static int schemaVersion() {
        return Schema.CURRENT;
    }

    public Path file() {
        return file;
    }

    /** Releases the lock file, so another run may open the store. */
    @Override
    protected void release() {
        lock.ifPresent(StoreLock::close);
    }

    @Override
    public String toString() {
        return "SqliteStore[" + file + "]";
    }
}
