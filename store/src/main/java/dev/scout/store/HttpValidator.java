package dev.scout.store;

import dev.scout.model.ProfileRef;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a conditional re-crawl sends back to a server ({@code If-None-Match}, {@code If-Modified-Since}) and what
 * detects an unchanged body where the server offers neither.
 *
 * @param url          the fetched URL (the key)
 * @param owner        the profile the URL belongs to, so that {@code forget} can remove it
 * @param etag         the {@code ETag} response header
 * @param lastModified the {@code Last-Modified} response header, verbatim
 * @param bodySha256   hex SHA-256 of the response body
 * @param fetchedAt    when the response was received
 */
public record HttpValidator(String url, ProfileRef owner, Optional<String> etag, Optional<String> lastModified,
                            Optional<String> bodySha256, Instant fetchedAt) {

    public HttpValidator {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        etag = etag == null ? Optional.empty() : etag;
        lastModified = lastModified == null ? Optional.empty() : lastModified;
        bodySha256 = bodySha256 == null ? Optional.empty() : bodySha256;
    }
}
