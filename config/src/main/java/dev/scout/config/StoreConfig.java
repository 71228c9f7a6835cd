package dev.scout.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Scout keeps its database.
 *
 * @param file the database file, absolute; empty for an in-memory database ({@code store: ":memory:"})
 */
public record StoreConfig(Optional<Path> file) {
    /** The configuration value that selects an in-memory database. */
    public static final String IN_MEMORY = ":memory:";

    public StoreConfig {
        Objects.requireNonNull(file, "file");
    }

    /** Whether the database lives only for the run. */
    public boolean inMemory() {
        return file.isEmpty();
    }
}
