package dev.scout.app.cli;

import dev.scout.app.Main;
import dev.scout.crawler.engine.Frontier;
import dev.scout.model.ProfileRef;
import dev.scout.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout status} tells profiles waiting for a retry (with attempts and due time) from those failed for good. */
class StatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void statusShowsTransientWaitsWithAttemptsAndDueTimeApartFromPermanentFailures() {
        Path db = dir.resolve("scout.db");
        ProfileRef stormed = ProfileRef.mastodon("ana", "fika.example");
        ProfileRef gone = ProfileRef.mastodon("ben", "fika.example");
        Instant due = Instant.parse("2030-01-01T10:00:00Z");
        try (SqliteStore store = SqliteStore.open(db)) {
            Frontier f = store.frontier();
            f.offer(List.of(new Frontier.Discovered(stormed, 0, "seed"), new Frontier.Discovered(gone, 0, "seed")));
            f.claim("w", 2, Instant.now(), Duration.ofMinutes(5));
            f.fail(stormed, "fetch failed (SERVER_ERROR after 4 attempt(s): HTTP 503); a later run retries it",
                    Optional.of(due));
            f.fail(gone, "no such account on fika.example", Optional.empty());
        }

        String printed = captureOut(() -> Main.run("status", "--store", db.toString()));

        assertThat(printed).contains("Waiting for a retry after a transient failure (a later run fetches them once"
                + " due): 1")
                .contains("mastodon:ana@fika.example  attempts 1, due 2030-01-01T10:00:00Z  fetch failed"
                        + " (SERVER_ERROR after 4 attempt(s): HTTP 503)")
                .contains("Failed for good (a permanent answer such as 404/410, opted out, invalid; not retried): 1")
                .contains("mastodon:ben@fika.example  attempts 1  no such account on fika.example");
    }

    private static String captureOut(java.util.concurrent.Callable<Integer> call) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(call.call()).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
