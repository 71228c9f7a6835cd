package dev.scout.config;

import java.util.List;
import java.util.Optional;

/**
 * Mastodon reading.
 *
 * @param enabled           whether Mastodon profiles are crawled
 * @param requestsPerSecond the default per-server request budget (Mastodon allows 300 requests per 5 minutes)
 * @param instances         the servers to read from, in the order given; domains are unique
 */
public record MastodonConfig(boolean enabled, double requestsPerSecond, List<MastodonInstance> instances) {
    public MastodonConfig {
        instances = List.copyOf(instances);
    }

    /** The configured server that answers for a handle domain, if any (case-insensitive). */
    public Optional<MastodonInstance> instanceFor(String domain) {
        return instances.stream().filter(i -> i.domain().equalsIgnoreCase(domain)).findFirst();
    }
}
