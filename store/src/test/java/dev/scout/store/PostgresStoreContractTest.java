package dev.scout.store;

import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;
import dev.scout.store.testing.TestPostgres;

/**
 * The {@link StoreContract} on a real PostgreSQL server ({@link TestPostgres}): one database for the class, emptied
 * before each test (the store migrates it again on open). Skipped with the reason when no server can be started here;
 * fails instead when {@code CI=true}.
 */
class PostgresStoreContractTest extends StoreContract {
    private static PostgresLocation database;

    @Override
    protected void prepare() {
        TestPostgres pg = TestPostgres.require();
        synchronized (PostgresStoreContractTest.class) {
            if (database == null) {
                database = pg.newDatabase("contract");
            } else {
                pg.empty(database);
            }
        }
    }

    @Override
    protected Store open(StoreOptions options) {
        return PostgresStore.open(database, options);
    }
}
