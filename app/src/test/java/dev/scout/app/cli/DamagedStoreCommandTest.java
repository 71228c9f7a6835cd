package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.model.ProfileRef;
import dev.scout.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A store with a damaged page behind a valid header: every command refuses it with exit 2 and advice, and changes nothing. */
class DamagedStoreCommandTest {

    @TempDir
    Path dir;

    @Test
    void runOnADamagedStoreExitsWith2WithAdviceAndLeavesTheFileUnchanged() throws Exception {
        Path db = damagedStore();
        String before = sha256(db);
        Path config = dir.resolve("scout.yaml");
        Files.writeString(config, """
                niche:
                  name: plant-based cooking
                  keywords: [vegan, tofu]
                  hashtags: [vegan]
                platforms:
                  mastodon:
                    instances:
                      - url: http://127.0.0.1:9
                        domain: kitchen.example
                crawl:
                  allowPrivateAddresses: true
                store: %s
                output:
                  dir: %s
                """.formatted(db, dir.resolve("results")));

        CliCapture run = CliCapture.run(() -> Main.run("run", "--config", config.toString(), "--quiet"));

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(db.toString()).contains("damaged").contains("backup").contains(".recover")
                .doesNotContain("unexpected error").doesNotContain("\tat ");
        assertThat(sha256(db)).isEqualTo(before);
    }

    @Test
    void statusOnADamagedStoreExitsWith2WithAdviceAndLeavesTheFileUnchanged() throws Exception {
        Path db = damagedStore();
        String before = sha256(db);

        CliCapture status = CliCapture.run(() -> Main.run("status", "--store", db.toString()));

        // Readers skip the whole-file check (too slow on a large store); SQLite refuses the damaged page they read.
        assertThat(status.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).contains(db.toString()).contains("damaged").contains(".recover")
                .doesNotContain("\tat ");
        assertThat(sha256(db)).isEqualTo(before);
    }

    /** A store of 3,000 frontier entries whose frontier table has its root page overwritten. */
    private Path damagedStore() throws Exception {
        Path db = dir.resolve("scout.db");
        try (SqliteStore store = SqliteStore.open(db)) {
            List<Discovered> many = IntStream.range(0, 3_000)
                    .mapToObj(i -> new Discovered(ProfileRef.mastodon("cook" + i, "kitchen.example"), 0, "seed")).toList();
            store.frontier().offer(many);
        }
        long root;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'frontier'")) {
            rs.next();
            root = rs.getLong(1);
        }
        assertThat(Files.size(db) / 4096).isGreaterThan(root);
        try (RandomAccessFile raf = new RandomAccessFile(db.toFile(), "rw")) {
            raf.seek((root - 1) * 4096);
            byte[] junk = new byte[4096];
            Arrays.fill(junk, (byte) 0x5A);
            raf.write(junk);
        }
        return db;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
