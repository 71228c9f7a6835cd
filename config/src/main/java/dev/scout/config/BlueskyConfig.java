package dev.scout.config;

import java.net.URI;
import java.util.Objects;

/**
 * Bluesky reading through the public AppView.
 *
 * @param enabled           whether Bluesky profiles are crawled
 * @param baseUrl           the AppView base URL without a trailing slash
 * @param requestsPerSecond the request budget against {@code baseUrl}
 */
public record BlueskyConfig(boolean enabled, URI baseUrl, double requestsPerSecond) {
    public BlueskyConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
