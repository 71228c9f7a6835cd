package dev.scout.store;

import java.nio.file.Path;

/** The child process of {@link StoreLockTest}: opens a store for a run, starts a run, says HOLDING, then waits to be killed. */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SqliteStore store = SqliteStore.open(Path.of(args[0]), StoreOptions.builder().exclusive(true).build());
        store.startRun("cfg", "v");
        store.flush();
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(600_000);
        store.close();
    }
}
