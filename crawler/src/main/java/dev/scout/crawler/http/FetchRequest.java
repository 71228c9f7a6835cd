package dev.scout.crawler.http;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One idempotent GET.
 *
 * @param url         absolute http(s) URL
 * @param accept      the Accept header (e.g. {@code application/json})
 * @param subject     what the request is for, used in error messages and events (e.g. {@code mastodon:ana@fika.example})
 * @param credentials request headers that carry a secret (e.g. {@code Authorization: Bearer …}): sent only to the
 *                    origin of {@code url} (never after a redirect to another origin), never part of the response
 *                    cache's key, and never shown by {@link #toString()}; empty for anonymous requests
 */
public record FetchRequest(URI url, String accept, String subject, Map<String, String> credentials) {

    public static final String JSON = "application/json";
    public static final String HTML = "text/html,application/xhtml+xml";

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        accept = accept == null ? JSON : accept;
        subject = subject == null ? "" : subject;
        credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
    }

    public FetchRequest(URI url, String accept, String subject) {
        this(url, accept, subject, Map.of());
    }

    public static FetchRequest json(URI url, String subject) {
        return new FetchRequest(url, JSON, subject);
    }

    public static FetchRequest html(URI url, String subject) {
        return new FetchRequest(url, HTML, subject);
    }

    /** The same request with these credential headers (they replace any earlier ones). */
    public FetchRequest withCredentials(Map<String, String> headers) {
        return new FetchRequest(url, accept, subject, headers);
    }

    /** {@code host:port} as used for per-host politeness. */
    public String hostKey() {
        return HostKey.of(url);
    }

    /** Names the credential headers but never their values. */
    @Override
    public String toString() {
        return "FetchRequest[url=" + url + ", accept=" + accept + ", subject=" + subject
                + (credentials.isEmpty() ? "" : ", credentials=" + new java.util.TreeSet<>(credentials.keySet())
                + " (values hidden)") + "]";
    }
}
