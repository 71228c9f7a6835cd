package dev.scout.simnet;

import java.util.Objects;

/**
 * One simulated Mastodon instance: accounts are {@code user@domain} while the API is served at {@code baseUrl}
 * (like a server whose LOCAL_DOMAIN differs from its WEB_DOMAIN).
 *
 * @param domain  the handle domain, a fictional {@code *.example} name
 * @param baseUrl {@code http://127.0.0.1:PORT}, without a trailing slash
 */
public record MastodonInstance(String domain, String baseUrl) {
    public MastodonInstance {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
