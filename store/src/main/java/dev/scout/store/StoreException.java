package dev.scout.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store cannot do what was asked. The message names the store file, what went wrong and what to do; the
 * {@link #kind()} lets callers react without reading the message (the CLI maps kinds to exit codes).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, independent of the wording of the message. */
    public enum Kind {
        /** The file was written by a newer Scout whose schema this program does not know. */
        NEWER_SCHEMA,
        /** Another process holds a lock on the file longer than the busy timeout. */
        LOCKED,
        /** Another run holds the store's lock file ({@code <store>.lock}): a store has one writing run at a time. */
        IN_USE,
        /** The file is not a SQLite database or is damaged. */
        CORRUPT,
        /** The disk (or the configured size cap) is full. */
        DISK_FULL,
        /** The store was closed, or failed earlier and refuses further writes. */
        CLOSED,
        /** A caller was interrupted while waiting for the store; queued writes still commit. */
        INTERRUPTED,
        /** Any other database or file-system error. */
        IO
    }

    private final transient Path file;
    private final Kind kind;

    public StoreException(Path file, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public StoreException(Path file, Kind kind, String message) {
        this(file, kind, message, null);
    }

    /** The store file concerned ({@code :memory:} for an in-memory store). */
    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }
}
