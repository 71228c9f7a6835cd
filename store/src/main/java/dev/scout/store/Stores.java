package dev.scout.store;

import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens the store a location names: {@code postgresql://…} (or {@code postgres://…}) for a PostgreSQL server,
 * {@code :memory:} for a private in-memory SQLite store, anything else as a SQLite file. Every command that opens a
 * store goes through here, so {@code store:} and {@code --store} accept the same forms. Stateless and thread-safe.
 */
public final class Stores {
    /** The location of a private in-memory store. */
    public static final String MEMORY = ":memory:";

    private Stores() {
    }

    /**
     * Opens (creating a missing SQLite file, migrating either kind) the store at {@code location}.
     *
     * @throws StoreException naming the location (password masked) and what to do, when it cannot be opened
     */
    public static Store open(String location, StoreOptions options) {
        Objects.requireNonNull(location, "location");
        if (isServer(location)) {
            return PostgresStore.open(server(location), options);
        }
        if (location.equals(MEMORY)) {
            return SqliteStore.inMemory(options);
        }
        return SqliteStore.open(Path.of(location), options);
    }

    /** True when {@code location} names a PostgreSQL server rather than a file. */
    public static boolean isServer(String location) {
        return PostgresLocation.isPostgres(location);
    }

    /** The location as it may be shown: a server URL with its password masked, a file path as is. */
    public static String display(String location) {
        if (!isServer(location)) {
            return location;
        }
        try {
            return PostgresLocation.parse(location).masked();
        } catch (IllegalArgumentException e) {
            return "a PostgreSQL URL that cannot be read";
        }
    }

    /**
     * True when a run holds {@code store} now (this process or another): a {@code running} run in it is then live,
     * not the leftover of a killed process. Changes nothing.
     */
    public static boolean runInProgress(Store store) {
        if (store instanceof PostgresStore pg) {
            return pg.runInProgress();
        }
        if (store instanceof SqliteStore sqlite) {
            return SqliteStore.inUse(sqlite.file());
        }
        return false;
    }

    private static PostgresLocation server(String location) {
        try {
            return PostgresLocation.parse(location);
        } catch (IllegalArgumentException e) {
            throw new StoreException("a PostgreSQL URL", StoreException.Kind.IO, "the store URL cannot be used: "
                    + e.getMessage(), e);
        }
    }
}
