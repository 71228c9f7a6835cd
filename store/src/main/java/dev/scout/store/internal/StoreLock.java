package dev.scout.store.internal;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The one-run-per-store rule: an OS lock ({@link FileChannel#tryLock()}) on the sidecar file {@code <store>.lock},
 * held while a run has the store open. The operating system drops the lock when the process ends however it ends,
 * so a {@code kill -9} never leaves a store locked. The lock file itself is never deleted: deleting it would let a
 * second process lock a new file while the first still holds the old one.
 *
 * <p>Locks held by this JVM are also kept in a table, and a lock file in it is never opened again: on Linux, closing
 * <em>any</em> descriptor of a file drops every lock the process holds on it ({@code fcntl} semantics), so a probe
 * or a refused second open in the same JVM would otherwise silently free the first holder's lock. Thread-safe; one
 * instance per open store.
 */
public final class StoreLock implements AutoCloseable {
    /** Lock files held by this JVM (absolute, normalised; the real path when the file exists). */
    private static final Set<Path> HELD = new HashSet<>();

    private final Path lockFile;
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private StoreLock(Path lockFile, Path key, FileChannel channel, FileLock lock) {
        this.lockFile = lockFile;
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** The sidecar lock file of {@code store}: {@code scout.db} → {@code scout.db.lock}. */
    public static Path lockFileOf(Path store) {
        return store.resolveSibling(store.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code store} or throws {@link Kind#IN_USE} naming the store and the lock file. Never waits:
     * a second run is refused at once rather than queued behind the first.
     */
    public static StoreLock acquire(Path store) {
        Path lockFile = lockFileOf(store);
        synchronized (HELD) {
            if (HELD.contains(key(lockFile))) {
                throw inUse(store, lockFile);
            }
            FileChannel channel = null;
            try {
                Path parent = lockFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    throw inUse(store, lockFile);
                }
                Path key = key(lockFile);
                HELD.add(key);
                return new StoreLock(lockFile, key, channel, lock);
            } catch (IOException e) {
                closeQuietly(channel, e);
                throw new StoreException(store, Kind.IO, "cannot create the lock file " + lockFile + " of store " + store
                        + " (" + e.getMessage() + "); check that its folder is writable", e);
            }
        }
    }

    /**
     * True when a run holds the lock of {@code store} now (in this process or another). Probes another process's lock
     * with a shared lock taken and dropped at once; a store without a lock file has never been opened by a run.
     */
    public static boolean isHeld(Path store) {
        Path lockFile = lockFileOf(store);
        synchronized (HELD) {
            if (HELD.contains(key(lockFile))) {
                return true;
            }
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ)) {
                FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
                if (probe == null) {
                    return true;
                }
                probe.release();
                return false;
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                // Cannot tell (e.g. no permission to read the lock file): say not held, the caller only displays it.
                return false;
            }
        }
    }

    /** The table key: the real path when the file exists (no descriptor is opened to find it), else the normalised one. */
    private static Path key(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    private static StoreException inUse(Path store, Path lockFile) {
        return new StoreException(store, Kind.IN_USE, "store " + store + " is in use by another scout run (it holds "
                + lockFile + "); a store takes one run at a time. Wait for that run to finish (or stop it), then run"
                + " the command again; nothing was changed. 'scout status', 'scout export' and 'scout report' work"
                + " while it runs.");
    }

    private static void closeQuietly(FileChannel channel, Exception primary) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    /** Releases the lock (the file stays). Idempotent. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                throw new StoreException(lockFile, Kind.IO, "could not release the lock file " + lockFile + " ("
                        + e.getMessage() + "); the lock ends with this process anyway", e);
            } finally {
                HELD.remove(key);
            }
        }
    }
}
