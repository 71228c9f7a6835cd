package dev.scout.app.cli;

import dev.scout.app.UsageException;
import dev.scout.app.pipeline.Settings;
import dev.scout.config.ScoutConfig;
import dev.scout.store.StoreException;
import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;

import java.time.Clock;

/** Opens the PostgreSQL store a fleet shares, named by {@code --store postgresql://host:port/db}. */
final class FleetStore {
    private FleetStore() {
    }

    /** True when {@code location} names a PostgreSQL store. */
    static boolean isPostgres(String location) {
        return location != null && PostgresLocation.isPostgres(location);
    }

    /**
     * Opens the store shared, not exclusive: many workers write it at once.
     *
     * @throws UsageException when the URL is not a PostgreSQL URL or the store cannot be opened (exit 2)
     */
    static PostgresStore open(String location, ScoutConfig config, Clock clock) {
        if (!isPostgres(location)) {
            throw new UsageException("workers share a PostgreSQL store: set store.url in the config or pass --store"
                    + " postgresql://host:port/database (credentials from the URL or PGUSER/PGPASSWORD)");
        }
        try {
            return PostgresStore.open(PostgresLocation.parse(location), Settings.store(config, clock, false));
        } catch (StoreException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
