package dev.scout.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.model.ProfileRef;
import dev.scout.store.StoreException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@code http_responses} table: the persistent tier of the fetcher's conditional-GET cache. Keeps only
 * responses owned by a profile (so {@code forget} removes them), keyed by a hash of Accept and URL (URLs may carry an
 * API key), body gzipped, headers as JSON without {@code Set-Cookie}. Compression runs on the caller's thread, the
 * SQL on the store's writer; {@link #save} and {@link #remove} are write-behind. Thread-safe.
 */
public final class ResponseTable implements ResponseStore {
    private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final WriteQueue queue;
    private final Clock clock;
    private final String file;

    public ResponseTable(WriteQueue queue, Clock clock, String file) {
        this.queue = queue;
        this.clock = clock;
        this.file = file;
    }

    @Override
    public Optional<FetchOutcome.Fetched> find(URI url, String accept) {
        String key = key(url, accept);
        Optional<Row> row = queue.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT status, content_type, headers, body_gzip FROM http_responses"
                    + " WHERE key = ?");
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                        : Optional.<Row>empty();
            }
        }, "read the stored response of " + url);
        return row.map(r -> new FetchOutcome.Fetched(url, r.status(), headers(r.headers(), url), gunzip(r.body(), url),
                r.contentType()));
    }

    /** Keeps the response when {@code owner} is a profile id; a response nobody owns could never be forgotten. */
    @Override
    public void save(URI url, String accept, String owner, FetchOutcome.Fetched response) {
        Optional<ProfileRef> ref = profile(owner);
        if (ref.isEmpty()) {
            return;
        }
        String key = key(url, accept);
        String headers = json(response.headers(), url);
        byte[] gzipped = gzip(response.body(), url);
        int bytes = response.body().length;
        long now = clock.millis();
        queue.submit(sql -> {
            PreparedStatement ps = sql.prepare("INSERT INTO http_responses (key, ref_id, status, content_type, headers,"
                    + " body_gzip, body_bytes, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET"
                    + " ref_id = excluded.ref_id, status = excluded.status, content_type = excluded.content_type,"
                    + " headers = excluded.headers, body_gzip = excluded.body_gzip, body_bytes = excluded.body_bytes,"
                    + " fetched_at = excluded.fetched_at");
            ps.setString(1, key);
            ps.setString(2, ref.get().id());
            ps.setInt(3, response.status());
            ps.setString(4, response.contentType());
            ps.setString(5, headers);
            ps.setBytes(6, gzipped);
            ps.setInt(7, bytes);
            ps.setLong(8, now);
            return ps.executeUpdate();
        }, "store the response of " + url);
    }

    @Override
    public void remove(URI url, String accept) {
        String key = key(url, accept);
        queue.submit(sql -> {
            PreparedStatement ps = sql.prepare("DELETE FROM http_responses WHERE key = ?");
            ps.setString(1, key);
            return ps.executeUpdate();
        }, "drop the stored response of " + url);
    }

    /** Hex SHA-256 of {@code accept + " " + url}. */
    static String key(URI url, String accept) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((accept + " " + url).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static Optional<ProfileRef> profile(String owner) {
        try {
            return Optional.of(ProfileRef.parseId(owner));
        } catch (IllegalArgumentException e) {
            // Discovery pages and batch lookups are about many profiles; keeping them would defeat forget.
            return Optional.empty();
        }
    }

    private String json(Map<String, List<String>> headers, URI url) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && !name.equalsIgnoreCase("Set-Cookie")) {
                kept.put(name, values);
            }
        });
        try {
            return MAPPER.writeValueAsString(kept);
        } catch (JsonProcessingException e) {
            throw new StoreException(file, StoreException.Kind.IO, "could not encode the headers of " + url
                    + " for store " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, List<String>> headers(String json, URI url) {
        try {
            return MAPPER.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new StoreException(file, StoreException.Kind.CORRUPT, "the stored headers of " + url + " in " + file
                    + " are not JSON (" + e.getOriginalMessage() + "); the fetcher sends a full request instead and "
                    + "replaces the entry", e);
        }
    }

    private byte[] gzip(byte[] body, URI url) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new StoreException(file, StoreException.Kind.IO, "could not compress the response of " + url, e);
        }
        return out.toByteArray();
    }

    private byte[] gunzip(byte[] gzipped, URI url) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException(file, StoreException.Kind.CORRUPT, "the stored body of " + url + " in " + file
                    + " is damaged (" + e.getMessage() + "); the fetcher sends a full request instead and replaces the"
                    + " entry", e);
        }
    }

    private record Row(int status, String contentType, String headers, byte[] body) {
    }
}
