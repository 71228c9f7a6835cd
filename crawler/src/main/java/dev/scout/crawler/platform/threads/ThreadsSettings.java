package dev.scout.crawler.platform.threads;

import java.net.URI;
import java.util.Objects;

/**
 * How the Threads adapter reaches the Threads API.
 *
 * @param baseUrl    {@code https://graph.threads.net}; no trailing slash
 * @param apiVersion e.g. {@code v1.0}
 */
public record ThreadsSettings(URI baseUrl, String apiVersion) {
    public ThreadsSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiVersion, "apiVersion");
    }

    String root() {
        String b = baseUrl.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + "/" + apiVersion;
    }
}
