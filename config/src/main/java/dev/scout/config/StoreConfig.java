package dev.scout.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Scout keeps its database and what it keeps there.
 *
 * @param file     the database file, absolute; empty for an in-memory database ({@code store: ":memory:"})
 * @param postText how long raw post text is kept ({@code store.postText}, default {@code keep})
 */
public record StoreConfig(Optional<Path> file, PostTextRetention postText) {
    /** The configuration value that selects an in-memory database. */
    public static final String IN_MEMORY = ":memory:";

    public StoreConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(postText, "postText");
    }

    /** A store that keeps post text. */
    public StoreConfig(Optional<Path> file) {
        this(file, PostTextRetention.keep());
    }

    /** Whether the database lives only for the run. */
    public boolean inMemory() {
        return file.isEmpty();
    }
}
