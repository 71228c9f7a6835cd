package dev.scout.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Scout keeps its database and what it keeps there.
 *
 * @param file     the database file, absolute; empty for an in-memory database ({@code store: ":memory:"}) or a server
 * @param postText how long raw post text is kept ({@code store.postText}, default {@code keep})
 * @param url      a PostgreSQL server instead of a file ({@code store.url}, or the short form
 *                 {@code store: postgresql://user@host:port/database}); a secret, since it may carry a password
 */
public record StoreConfig(Optional<Path> file, PostTextRetention postText, Optional<Secret> url) {
    /** The configuration value that selects an in-memory database. */
    public static final String IN_MEMORY = ":memory:";

    public StoreConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(postText, "postText");
        Objects.requireNonNull(url, "url");
        if (file.isPresent() && url.isPresent()) {
            throw new IllegalArgumentException("a store is a file or a server URL, not both");
        }
    }

    /** A file (or in-memory) store. */
    public StoreConfig(Optional<Path> file, PostTextRetention postText) {
        this(file, postText, Optional.empty());
    }

    /** A store that keeps post text. */
    public StoreConfig(Optional<Path> file) {
        this(file, PostTextRetention.keep());
    }

    /** Whether the database lives only for the run. */
    public boolean inMemory() {
        return file.isEmpty() && url.isEmpty();
    }

    /**
     * Where the store module opens the store: the server URL (revealed: pass it only to the store), the file path, or
     * {@value #IN_MEMORY}.
     */
    public String location() {
        return url.map(Secret::reveal).orElseGet(() -> file.map(Path::toString).orElse(IN_MEMORY));
    }
}
