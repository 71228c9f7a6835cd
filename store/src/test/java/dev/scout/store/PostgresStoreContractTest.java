package dev.scout.store;

import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;
import dev.scout.store.testing.TestPostgres;

/**
 * The {@link StoreContract} on a real PostgreSQL server ({@link TestPostgres}), one fresh database per test. Skipped
 * with the reason when no server can be started here; fails instead when {@code CI=true}.
 */
class PostgresStoreContractTest extends StoreContract {
    private PostgresLocation database;

    @Override
    protected void prepare() {
        database = TestPostgres.require().newDatabase("contract");
    }

    @Override
    protected Store open(StoreOptions options) {
        return PostgresStore.open(database, options);
    }
}
