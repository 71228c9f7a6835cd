package dev.scout.config;

import java.util.Objects;

/**
 * Reading arbitrary profile pages (schema.org / OpenGraph markup).
 *
 * @param enabled                   whether web profile pages are crawled
 * @param requestsPerSecond         the per-host request budget
 * @param allowRestrictedSites      whether Instagram/TikTok pages may be read although their terms forbid it
 * @param restrictedSitesAcceptedBy who accepted that responsibility; non-blank whenever {@code allowRestrictedSites}
 */
public record WebConfig(boolean enabled, double requestsPerSecond, boolean allowRestrictedSites,
                        String restrictedSitesAcceptedBy) {
    public WebConfig {
        Objects.requireNonNull(restrictedSitesAcceptedBy, "restrictedSitesAcceptedBy");
    }
}
