package dev.scout.store.internal;

import dev.scout.model.ProfileRef;
import dev.scout.store.HttpValidator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The {@code http_validators} table: ETag, Last-Modified and body hash per URL for conditional re-crawls. Thread-safe. */
public final class ValidatorTable {
    private final WriteQueue queue;

    public ValidatorTable(WriteQueue queue) {
        this.queue = queue;
    }

    public void save(HttpValidator v) {
        queue.submit(sql -> {
            PreparedStatement ps = sql.prepare("INSERT INTO http_validators (url, ref_id, etag, last_modified,"
                    + " body_sha256, fetched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                    + " ref_id = excluded.ref_id, etag = excluded.etag, last_modified = excluded.last_modified,"
                    + " body_sha256 = excluded.body_sha256, fetched_at = excluded.fetched_at");
            ps.setString(1, v.url());
            ps.setString(2, v.owner().id());
            ps.setString(3, v.etag().orElse(null));
            ps.setString(4, v.lastModified().orElse(null));
            ps.setString(5, v.bodySha256().orElse(null));
            ps.setLong(6, v.fetchedAt().toEpochMilli());
            return ps.executeUpdate();
        }, "store the validators of " + v.url());
    }

    public Optional<HttpValidator> find(String url) {
        return queue.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT ref_id, etag, last_modified, body_sha256, fetched_at"
                    + " FROM http_validators WHERE url = ?");
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<HttpValidator>empty();
                }
                return Optional.of(new HttpValidator(url, ProfileRef.parseId(rs.getString(1)),
                        Optional.ofNullable(rs.getString(2)), Optional.ofNullable(rs.getString(3)),
                        Optional.ofNullable(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5))));
            }
        }, "read the validators of " + url);
    }
}
