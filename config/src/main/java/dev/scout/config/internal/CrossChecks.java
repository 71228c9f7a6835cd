package dev.scout.config.internal;

import dev.scout.config.PlatformsConfig;
import dev.scout.config.ScoutConfig;

/** Rules that span sections: something to start from, and a platform to start on. */
final class CrossChecks {
    private CrossChecks() {
    }

    static void check(Section root, ScoutConfig c) {
        if (root.malformed()) {
            return;
        }
        Problems problems = root.problems();
        PlatformsConfig p = c.platforms();
        boolean anyEnabled = p.mastodon().enabled() || p.bluesky().enabled() || p.youtube().enabled()
                || p.web().enabled() || p.instagram().enabled() || p.threads().enabled();
        if (!anyEnabled) {
            problems.at("platforms", "at least one platform must be enabled");
        }
        boolean hashtags = !c.niche().hashtags().isEmpty();
        // Seeds that were written but rejected have been reported already; do not pile on.
        boolean seedsWritten = root.raw("seeds").filter(n -> !n.isArray() || n.size() > 0).isPresent();
        if (c.seeds().isEmpty() && !hashtags && !seedsWritten) {
            problems.at("seeds", "at least one seed or one niche.hashtags entry is needed, or Scout has nowhere to start");
        }
        boolean canSearchHashtags = (p.mastodon().enabled() && !p.mastodon().instances().isEmpty())
                || p.bluesky().enabled() || (p.instagram().enabled() && p.instagram().hashtagSearch());
        if (c.seeds().isEmpty() && hashtags && !canSearchHashtags && anyEnabled) {
            problems.at("platforms.mastodon.instances", "is empty, so the niche hashtags cannot be searched and there"
                    + " are no seeds: add an instance (e.g. - url: https://mastodon.social), enable Bluesky, or add seeds");
        }
    }
}
