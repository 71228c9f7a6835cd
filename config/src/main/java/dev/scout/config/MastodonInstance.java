package dev.scout.config;

import java.net.URI;
import java.util.Objects;

/**
 * One Mastodon (or Mastodon-compatible) server to read from.
 *
 * @param url               the server's base URL without a trailing slash ({@code https://mastodon.social},
 *                          {@code http://127.0.0.1:8080} in tests)
 * @param domain            the handle domain this server answers for ({@code user@domain}); the URL's host unless
 *                          configured, so a test server on 127.0.0.1 can stand in for {@code fika.example}
 * @param requestsPerSecond the request budget for this server (the instance override, else the platform's)
 */
public record MastodonInstance(URI url, String domain, double requestsPerSecond) {
    public MastodonInstance {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(domain, "domain");
    }
}
