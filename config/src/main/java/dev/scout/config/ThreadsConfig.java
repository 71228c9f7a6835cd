package dev.scout.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Threads reading through the Threads Profile Discovery API.
 *
 * @param enabled           whether Threads profiles are crawled
 * @param accessToken       a Threads user access token with {@code threads_basic} and
 *                          {@code threads_profile_discovery}; present whenever {@code enabled}; masked
 * @param apiVersion        the pinned Threads API version, e.g. {@code v1.0}
 * @param baseUrl           the Threads host without a trailing slash ({@code https://graph.threads.net})
 * @param requestsPerSecond the request budget against {@code baseUrl}
 * @param usageCeilingPct   Scout stops calling before Meta's reported usage passes this percentage
 */
public record ThreadsConfig(boolean enabled, Optional<Secret> accessToken, String apiVersion, URI baseUrl,
                            double requestsPerSecond, int usageCeilingPct) {
    public ThreadsConfig {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
