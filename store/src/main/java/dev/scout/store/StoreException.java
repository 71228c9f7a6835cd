package dev.scout.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The store cannot do what was asked. The message names the store (its file, or its server URL with the password
 * masked), what went wrong and what to do; the {@link #kind()} lets callers react without reading the message (the
 * CLI maps kinds to exit codes). Never carries a password.
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
        IO,
        /** The database server cannot be reached (down, wrong host or port, network). */
        UNREACHABLE,
        /** The database server refused the credentials (user or password) or the user's rights. */
        ACCESS_DENIED,
        /** The database server has no database of the name given in the store URL. */
        NO_DATABASE
    }

    private final String location;
    private final Kind kind;

    /** @param location the store file, or the server URL with its password masked */
    public StoreException(String location, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.location = Objects.requireNonNull(location, "location");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public StoreException(String location, Kind kind, String message) {
        this(location, kind, message, null);
    }

    public StoreException(Path file, Kind kind, String message, Throwable cause) {
        this(Objects.requireNonNull(file, "file").toString(), kind, message, cause);
    }

    public StoreException(Path file, Kind kind, String message) {
        this(file, kind, message, null);
    }

    /** The store file concerned ({@code :memory:} for an in-memory store); for a server store, see {@link #location()}. */
    public Path file() {
        return Path.of(location);
    }

    /** The store concerned: its file ({@code :memory:} for an in-memory store) or its server URL, password masked. */
    public String location() {
        return location;
    }

    public Kind kind() {
        return kind;
    }
}
