package dev.scout.config;

import dev.scout.model.Platform;
import java.util.Objects;

/** Per-platform settings. */
public record PlatformsConfig(MastodonConfig mastodon, BlueskyConfig bluesky, YoutubeConfig youtube, WebConfig web,
                              InstagramConfig instagram, ThreadsConfig threads) {
    public PlatformsConfig {
        Objects.requireNonNull(instagram, "instagram");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(mastodon, "mastodon");
        Objects.requireNonNull(bluesky, "bluesky");
        Objects.requireNonNull(youtube, "youtube");
        Objects.requireNonNull(web, "web");
    }

    /** Whether the given platform is switched on; platforms without a crawler (read only from exports) never are. */
    public boolean enabled(Platform platform) {
        switch (platform) {
            case MASTODON:
                return mastodon.enabled();
            case BLUESKY:
                return bluesky.enabled();
            case YOUTUBE:
                return youtube.enabled();
            case WEB:
                return web.enabled();
            case INSTAGRAM:
                return instagram.enabled();
            case THREADS:
                return threads.enabled();
            default:
                return false;
        }
    }
}
