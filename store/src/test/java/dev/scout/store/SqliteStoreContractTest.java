package dev.scout.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The {@link StoreContract} on the embedded SQLite store, one file per test. */
class SqliteStoreContractTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Store open(StoreOptions options) {
        return SqliteStore.open(dir.resolve("scout.db"), options);
    }
}
