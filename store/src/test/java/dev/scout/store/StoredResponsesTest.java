package dev.scout.store;

import dev.scout.model.testing.MutableClock;
import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.store.internal.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.scout.store.Fixtures.T0;
import static dev.scout.store.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

/** The persistent tier of the fetcher's conditional cache: what it keeps, for whom, in what form, across reopening. */
class StoredResponsesTest {
    private static final String JSON = "application/json";
    private static final URI ACCOUNT = URI.create("https://fika.example/api/v1/accounts/42/statuses?limit=40");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(T0);

    private SqliteStore open(TextRetention retention) {
        return SqliteStore.open(dir.resolve("scout.db"), StoreOptions.builder().clock(clock).textRetention(retention)
                .build());
    }

    private static FetchOutcome.Fetched response(URI url, String etag, String body) {
        return new FetchOutcome.Fetched(url, 200, Map.of("ETag", List.of(etag),
                "Link", List.of("<https://fika.example/next>; rel=\"next\""), "Set-Cookie", List.of("session=secret")),
                body.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
    }

    @Test
    void bodiesAreCompressedAndUrlsWithAnApiKeyNeverReachTheFile() throws Exception {
        URI withKey = URI.create("https://youtube.example/youtube/v3/channels?id=UC1&key=AIzaSECRET123");
        String body = "{\"items\":[" + "{\"title\":\"vegan meal prep\"},".repeat(200) + "{}]}";
        try (SqliteStore store = open(TextRetention.keep())) {
            store.responses().save(withKey, JSON, "youtube:UC1", response(withKey, "\"y\"", body));
            assertThat(store.responses().find(withKey, JSON)).isPresent();
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("scout.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT body_bytes, length(body_gzip), ref_id FROM http_responses")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(body.length());
            assertThat(rs.getLong(2)).isLessThan(body.length() / 10);
            assertThat(rs.getString(3)).isEqualTo("youtube:UC1");
        }
        assertThat(new String(Files.readAllBytes(dir.resolve("scout.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain("AIzaSECRET123");
    }

    @Test
    void aVersionTwoFileGainsTheResponseTableKeepingItsData() throws Exception {
        Path file = dir.resolve("v2.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (Schema.Migration m : Schema.MIGRATIONS.subList(0, 2)) {
                for (String ddl : m.statements()) {
                    st.execute(ddl);
                }
            }
            st.execute("PRAGMA user_version = 2");
            st.execute("INSERT INTO frontier (ref_id, platform, state, depth, via, next_fetch_at, updated_at)"
                    + " VALUES ('" + ref(1).id() + "', 'mastodon', 'done', 0, 'seed', 0, 0)");
            st.execute("INSERT INTO http_validators (url, ref_id, etag, fetched_at)"
                    + " VALUES ('https://fika.example/x', '" + ref(1).id() + "', '\"e\"', 0)");
        }

        try (SqliteStore store = SqliteStore.open(file)) {
            assertThat(store.frontier().counts()).containsEntry(dev.scout.crawler.engine.Frontier.EntryState.DONE, 1L);
            store.responses().save(ACCOUNT, JSON, ref(1).id(), response(ACCOUNT, "\"v1\"", "[]"));
            assertThat(store.responses().find(ACCOUNT, JSON)).isPresent();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Schema.CURRENT).isGreaterThanOrEqualTo(4);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'http_validators%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the unused validator table of versions 2-3 is dropped").isZero();
        }
    }
}
