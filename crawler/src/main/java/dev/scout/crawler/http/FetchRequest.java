package dev.scout.crawler.http;

import java.net.URI;
import java.util.Objects;

/**
 * One idempotent GET.
 *
 * @param url     absolute http(s) URL
 * @param accept  the Accept header (e.g. {@code application/json})
 * @param subject what the request is for, used in error messages and events (e.g. {@code mastodon:ana@fika.example})
 */
public record FetchRequest(URI url, String accept, String subject) {

    public static final String JSON = "application/json";
    public static final String HTML = "text/html,application/xhtml+xml";

    public FetchRequest {
        Objects.requireNonNull(url, "url");
        accept = accept == null ? JSON : accept;
        subject = subject == null ? "" : subject;
    }

    public static FetchRequest json(URI url, String subject) {
        return new FetchRequest(url, JSON, subject);
    }

    public static FetchRequest html(URI url, String subject) {
        return new FetchRequest(url, HTML, subject);
    }

    /** {@code host:port} as used for per-host politeness. */
    public String hostKey() {
        return HostKey.of(url);
    }
}
