package dev.scout.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * YouTube reading through the Data API v3.
 *
 * @param enabled           whether YouTube channels are crawled
 * @param apiKey            the Data API key; present whenever {@code enabled} is true; masked in {@code toString()}
 * @param baseUrl           the API base URL without a trailing slash
 * @param dailyQuotaUnits   the quota units Scout may spend per day (Google's default project quota is 10,000)
 * @param requestsPerSecond the request budget against {@code baseUrl}
 */
public record YoutubeConfig(boolean enabled, Optional<Secret> apiKey, URI baseUrl, int dailyQuotaUnits,
                            double requestsPerSecond) {
    public YoutubeConfig {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
