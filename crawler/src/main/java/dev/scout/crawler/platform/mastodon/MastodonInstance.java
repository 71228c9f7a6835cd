package dev.scout.crawler.platform.mastodon;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A Mastodon server Scout knows how to reach: the domain in its users' handles ({@code user@domain}) and the base URL
 * of its REST API. They differ when a server runs with {@code LOCAL_DOMAIN} ≠ {@code WEB_DOMAIN}; in tests the base
 * URL is {@code http://127.0.0.1:PORT}.
 *
 * @param domain  handle domain, lower case, with {@code :port} when the handles carry one
 * @param baseUri scheme and authority of the API host, no trailing slash
 */
public record MastodonInstance(String domain, URI baseUri) {
    public MastodonInstance {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(baseUri, "baseUri");
        if (domain.isBlank()) {
            throw new IllegalArgumentException("Mastodon instance domain must not be blank (base URL " + baseUri + ")");
        }
        String scheme = baseUri.getScheme();
        if (baseUri.getHost() == null || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("Mastodon instance '" + domain + "': base URL must be an absolute http(s)"
                    + " URL such as https://mastodon.social (got " + baseUri + ")");
        }
        domain = domain.toLowerCase(Locale.ROOT);
        String s = baseUri.toString();
        baseUri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** An instance whose handles use the API host itself as domain ({@code host} or {@code host:port}). */
    public static MastodonInstance of(URI baseUri) {
        String host = baseUri.getHost() == null ? "" : baseUri.getHost();
        String domain = baseUri.getPort() > 0 ? host + ":" + baseUri.getPort() : host;
        return new MastodonInstance(domain, baseUri);
    }

    /** {@code base + path}, path starting with {@code /}. */
    URI api(String pathAndQuery) {
        return URI.create(baseUri + pathAndQuery);
    }
}
