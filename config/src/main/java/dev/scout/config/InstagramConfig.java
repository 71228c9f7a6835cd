package dev.scout.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Instagram reading through the Graph API's Business Discovery (Instagram API with Facebook Login).
 *
 * @param enabled           whether Instagram profiles are crawled
 * @param accessToken       a Facebook User access token with {@code instagram_basic},
 *                          {@code instagram_manage_insights}, {@code pages_read_engagement}; present whenever
 *                          {@code enabled}; masked in {@code toString()}
 * @param igUserId          the numeric id of the scout's own professional Instagram account (linked to a Page);
 *                          present whenever {@code enabled}
 * @param graphVersion      the pinned Graph API version, e.g. {@code v25.0}
 * @param baseUrl           the Graph host without a trailing slash ({@code https://graph.facebook.com})
 * @param requestsPerSecond the request budget against {@code baseUrl}
 * @param usageCeilingPct   Scout stops calling before Meta's reported usage ({@code X-App-Usage},
 *                          {@code X-Business-Use-Case-Usage}) passes this percentage
 * @param hashtagSearch     whether the app has Instagram Public Content Access, so niche hashtags are searched
 */
public record InstagramConfig(boolean enabled, Optional<Secret> accessToken, Optional<String> igUserId,
                              String graphVersion, URI baseUrl, double requestsPerSecond, int usageCeilingPct,
                              boolean hashtagSearch) {
    public InstagramConfig {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(igUserId, "igUserId");
        Objects.requireNonNull(graphVersion, "graphVersion");
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
