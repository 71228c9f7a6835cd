package dev.scout.store;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.crawler.engine.Frontier.Lease;
import dev.scout.model.ProfileSnapshot;
import dev.scout.store.internal.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static dev.scout.store.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StoreFileFailureTest {
    @TempDir
    Path dir;

    private static Connection raw(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    @Test
    void fileFromANewerScoutIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("future.db");
        try (Connection c = raw(file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE something_new (x)");
            st.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);
        StoreException e = catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.NEWER_SCHEMA);
        assertThat(e.file()).isEqualTo(file);
        assertThat(e).hasMessageStartingWith(file + " was written by a newer Scout (schema 99, this program knows up to "
                + Schema.CURRENT + "); upgrade Scout or use another store file");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(dir.resolve("future.db-wal")).doesNotExist();
    }

    @Test
    void garbageFileIsRefusedUntouchedWithWhatToDo() throws Exception {
        Path file = dir.resolve("notes.db");
        byte[] garbage = "name,followers\n=cmd|' /C calc'!A0,12\n".repeat(50).getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        StoreException e = catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("Move the file aside")
                .hasMessageContaining("changed nothing");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void damagedDatabaseBehindAValidHeaderIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("damaged.db");
        byte[] bytes = new byte[8192];
        new Random(42).nextBytes(bytes);
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(file, bytes);
        StoreException e = catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file));
        assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT);
        assertThat(e).hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void fileLockedByAnotherConnectionIsAClearErrorAndNothingChanges() throws Exception {
        Path file = dir.resolve("busy.db");
        try (Connection other = raw(file); Statement st = other.createStatement()) {
            st.execute("CREATE TABLE theirs (x)");
            st.execute("BEGIN EXCLUSIVE");
            st.execute("INSERT INTO theirs VALUES (1)");
            StoreOptions quick = StoreOptions.builder().busyTimeout(Duration.ofMillis(200)).build();
            StoreException e = catchThrowableOfType(StoreException.class, () -> SqliteStore.open(file, quick));
            assertThat(e.kind()).isEqualTo(StoreException.Kind.LOCKED);
            assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("another process")
                    .hasMessageContaining("nothing was changed");
            st.execute("COMMIT");
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.frontier().counts()).containsEntry(EntryState.PENDING, 0L);
        }
        try (Connection c = raw(file); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM theirs")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the other program's row survives").isEqualTo(1);
        }
    }

    @Test
    void versionOneFileIsMigratedKeepingItsData() throws Exception {
        Path file = dir.resolve("v1.db");
        ProfileSnapshot older = snapshot(ref(1), 1_000, T0, 2);
        ProfileSnapshot newer = snapshot(ref(1), 1_300, T0.plus(Duration.ofDays(7)), 2);
        try (SqliteStore scratch = SqliteStore.inMemory(StoreOptions.defaults())) {
            // Only used to get the JSON exactly as the store writes it.
            scratch.snapshots().accept(newer);
            assertThat(scratch.latestSnapshot(ref(1))).contains(newer);
        }
        try (Connection c = raw(file); Statement st = c.createStatement()) {
            for (String ddl : Schema.MIGRATIONS.get(0).statements()) {
                st.execute(ddl);
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO frontier (ref_id, platform, state, depth, via, next_fetch_at, updated_at)"
                    + " VALUES ('" + ref(1).id() + "', 'mastodon', 'done', 0, 'seed', 0, 0)");
            // Version 1 kept the JSON of every snapshot.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshots (ref_id, crawled_at, followers, json)"
                    + " VALUES (?, ?, ?, ?)")) {
                for (ProfileSnapshot s : List.of(older, newer)) {
                    ps.setString(1, s.id());
                    ps.setLong(2, s.crawledAt().toEpochMilli());
                    ps.setLong(3, s.account().followers().getAsLong());
                    ps.setString(4, new com.fasterxml.jackson.databind.ObjectMapper()
                            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                            .writeValueAsString(s));
                    ps.executeUpdate();
                }
            }
        }
        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.frontier().counts()).containsEntry(EntryState.DONE, 1L);
            assertThat(store.latestSnapshot(ref(1)).orElseThrow().account().followers().getAsLong()).isEqualTo(1_300);
            assertThat(store.history(ref(1))).hasSize(2);
            assertThat(store.responses().find(java.net.URI.create("https://fika.example/x"), "application/json"))
                    .isEmpty(); // table added by version 3
        }
        try (Connection c = raw(file); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("PRAGMA user_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Schema.CURRENT);
            }
            try (var rs = st.executeQuery("SELECT COUNT(*) FROM snapshots WHERE json IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).as("JSON kept for the newest snapshot only").isEqualTo(1);
            }
        }
    }

    @Test
    void fullDiskStopsWritesWithAClearErrorAndLosesNothingCommitted() {
        Path file = dir.resolve("small.db");
        StoreOptions capped = StoreOptions.builder().maxPageCount(120).maxDelay(Duration.ZERO).build();
        SqliteStore store = SqliteStore.open(file, capped);
        Frontier frontier = store.frontier();
        frontier.offer(Fixtures.discovered(0, 1_000));
        StoreException full = null;
        try {
            for (int round = 0; round < 5_000 && full == null; round++) {
                List<Lease> leases = frontier.claim("w", 10, T0, Duration.ofMinutes(5));
                for (Lease l : leases) {
                    store.snapshots().accept(snapshot(l.ref(), 1_000, T0, 20));
                    frontier.complete(l.ref());
                }
            }
        } catch (StoreException e) {
            full = e;
        }
        assertThat(full).as("the size cap must be reached").isNotNull();
        assertThat(full.kind()).isEqualTo(StoreException.Kind.DISK_FULL);
        assertThat(full).hasMessageContaining(file.toString()).hasMessageContaining("Free some space");
        assertThatThrownBy(store::close).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.frontier().counts()).isInstanceOf(StoreException.class);

        try (SqliteStore reopened = SqliteStore.open(file)) {
            long done = reopened.frontier().counts().get(EntryState.DONE);
            assertThat(done).isPositive();
            long withSnapshot = 0;
            var it = reopened.latestSnapshots();
            while (it.hasNext()) {
                it.next();
                withSnapshot++;
            }
            assertThat(withSnapshot).as("every entry marked done has its snapshot").isGreaterThanOrEqualTo(done);
        }
    }
}
