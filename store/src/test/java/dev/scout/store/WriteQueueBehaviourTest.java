package dev.scout.store;

import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.crawler.engine.Frontier.Lease;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WriteQueueBehaviourTest {
    @TempDir
    Path dir;

    @Test
    void closeCommitsEverySnapshotStillQueued() {
        Path file = dir.resolve("scout.db");
        // A long linger and a large batch: nothing would commit before close on its own.
        StoreOptions lazy = StoreOptions.builder().maxDelay(Duration.ofMinutes(10)).maxBatch(5_000).queueCapacity(5_000).build();
        try (SqliteStore store = SqliteStore.open(file, lazy)) {
            for (int i = 0; i < 300; i++) {
                store.snapshots().accept(snapshot(ref(i), 1_000 + i, T0, 2));
            }
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            for (int i = 0; i < 300; i++) {
                assertThat(store.latestSnapshot(ref(i))).as("snapshot %d", i).isPresent();
            }
        }
    }

    @Test
    void closedStoreRefusesWorkWithAClearError() {
        SqliteStore store = SqliteStore.open(dir.resolve("scout.db"));
        store.close();
        store.close(); // idempotent
        StoreException e = catchThrowableOfType(StoreException.class, () -> store.snapshots().accept(snapshot(ref(1), 1, T0, 0)));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CLOSED);
        assertThat(e).hasMessageContaining("scout.db is closed");
    }

    @Test
    void interruptedCallerGetsATypedErrorAndKeepsItsInterruptFlag() {
        try (SqliteStore store = SqliteStore.inMemory(StoreOptions.defaults())) {
            Thread.currentThread().interrupt();
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.frontier().counts());
            assertThat(e.kind()).isEqualTo(StoreException.Kind.INTERRUPTED);
            assertThat(Thread.interrupted()).as("interrupt flag restored").isTrue();
            assertThat(store.frontier().counts()).containsEntry(EntryState.PENDING, 0L);
        }
    }

    @Test
    void twoStoresOnOneFileShareTheFrontierWithoutDoubleClaims() throws Exception {
        Path file = dir.resolve("shared.db");
        try (SqliteStore a = SqliteStore.open(file); SqliteStore b = SqliteStore.open(file)) {
            a.frontier().offer(Fixtures.discovered(0, 600));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<ProfileRef>>> got = new ArrayList<>();
                for (SqliteStore s : List.of(a, b)) {
                    Callable<List<ProfileRef>> worker = () -> {
                        List<ProfileRef> mine = new ArrayList<>();
                        List<Lease> leases;
                        while (!(leases = s.frontier().claim(s.toString(), 5, T0, Duration.ofMinutes(5))).isEmpty()) {
                            for (Lease l : leases) {
                                mine.add(l.ref());
                                s.frontier().complete(l.ref());
                            }
                        }
                        return mine;
                    };
                    got.add(pool.submit(worker));
                }
                Set<ProfileRef> union = new HashSet<>();
                int total = 0;
                for (Future<List<ProfileRef>> f : got) {
                    total += f.get().size();
                    union.addAll(f.get());
                }
                assertThat(total).isEqualTo(600);
                assertThat(union).hasSize(600);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
