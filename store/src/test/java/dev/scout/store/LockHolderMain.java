package dev.scout.store;

import java.nio.file.Path;

/**
 * The child process of {@link StoreLockTest}. {@code hold FILE}: opens a store for a run, starts a run, says HOLDING,
 * then waits to be killed. {@code try FILE}: says OPENED or IN_USE and exits.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args[0].equals("try")) {
            try (SqliteStore store = SqliteStore.open(Path.of(args[1]), StoreOptions.builder().exclusive(true).build())) {
                System.out.println("OPENED");
            } catch (StoreException e) {
                System.out.println(e.kind());
            }
            return;
        }
        SqliteStore store = SqliteStore.open(Path.of(args[1]), StoreOptions.builder().exclusive(true).build());
        store.startRun("cfg", "v");
        store.flush();
        System.out.println("HOLDING");
        System.out.flush();
        Thread.sleep(600_000);
        store.close();
    }
}
