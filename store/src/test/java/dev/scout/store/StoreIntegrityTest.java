package dev.scout.store;

import dev.scout.crawler.engine.Frontier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A store whose header is valid but whose pages are damaged is refused at open, before anything writes to it. */
class StoreIntegrityTest {
    @TempDir
    Path dir;

    @Test
    void damagedPageBehindAValidHeaderIsRefusedAtOpenAndTheFileStaysByteForByteUnchanged() throws Exception {
        Path file = DamagedStores.create(dir.resolve("scout.db"));
        String before = sha256(file);

        StoreException e = catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file));

        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("changed nothing")
                .hasMessageContaining(".recover").hasMessageContaining("backup");
        assertThat(sha256(file)).isEqualTo(before);
    }

    @Test
    void healthyStoreOpensAfterTheCheck() {
        Path file = dir.resolve("ok.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.frontier().offer(Fixtures.discovered(0, 50));
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.frontier().counts().get(Frontier.EntryState.PENDING)).isEqualTo(50L);
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Builds stores with a damaged page for tests of the store and of the commands that open it. */
    public static final class DamagedStores {
        private DamagedStores() {
        }

        /** A store of a few hundred profiles, closed cleanly, then one b-tree page in the middle overwritten. */
        public static Path create(Path file) throws Exception {
            try (SqliteStore store = SqliteStore.open(file, StoreOptions.builder().maxDelay(Duration.ZERO).build())) {
                Frontier frontier = store.frontier();
                frontier.offer(Fixtures.discovered(0, 400));
                for (var lease : frontier.claim("w", 400, T0, Duration.ofMinutes(5))) {
                    store.snapshots().accept(snapshot(lease.ref(), 1_000, T0, 3));
                    frontier.complete(lease.ref());
                }
            }
            long size = Files.size(file);
            int pageSize = 4096;
            long pages = size / pageSize;
            assertThat(pages).as("enough pages to damage one in the middle").isGreaterThan(10);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.seek((pages / 2) * pageSize);
                byte[] junk = new byte[pageSize];
                java.util.Arrays.fill(junk, (byte) 0x5A);
                raf.write(junk);
            }
            return file;
        }
    }
}
