package dev.scout.crawler.platform;

import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;

import java.util.List;

/**
 * Reads one platform's public data through its documented interface and maps it to the shared model.
 *
 * <p>Every method spends as few requests as the interface allows and reports how many it spent. Per-profile
 * problems never escape as unchecked exceptions: lookups answer one {@link ProfileLookup} per reference, the other
 * calls throw {@link PlatformException} naming platform, profile and URL. Implementations are thread-safe; the
 * crawl engine calls them from several worker threads.
 */
public interface PlatformClient {

    Platform platform();

    /** How many references {@link #lookup} resolves with one request (Bluesky 25, YouTube 50, else 1). */
    int lookupBatchSize();

    /**
     * The politeness key ({@code host:port}) of the host that will serve this profile's data, so the engine can keep
     * one slow or paused host from occupying every worker.
     */
    String hostKey(ProfileRef ref);

    /**
     * Resolves profiles: one result per reference, in the same order, each found, skipped (opted out, moved,
     * suspended …), missing or failed.
     *
     * @param refs at most {@link #lookupBatchSize()} references of this platform
     */
    LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException;

    /** Up to {@code max} recent original posts, newest first, plus the accounts they point at (mentions, reposts). */
    RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException;

    /** Up to {@code max} followers of the profile (the first pages the platform returns). */
    FollowerSample followers(ResolvedProfile profile, int max) throws PlatformException, InterruptedException;

    /**
     * Up to {@code max} accounts the profile follows (the first pages), for discovery from strong candidates: creators
     * in a niche follow each other. Platforms without a public following list return an empty result.
     */
    default FollowerSample following(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        return new FollowerSample(java.util.List.of(), 0);
    }

    /**
     * Accounts listed in the platform's public directory of profiles that opted into discovery (Mastodon
     * {@code /api/v1/directory}); empty with zero requests where there is none or it is not enabled.
     */
    default FollowerSample directory() throws PlatformException, InterruptedException {
        return new FollowerSample(java.util.List.of(), 0);
    }

    /**
     * Authors of recent posts carrying {@code hashtag} (no leading {@code #}), boosted/reposted posts credited to the
     * original author, reading at most {@code pages} pages per source. Platforms without a public tag search return
     * an empty result with zero requests.
     */
    TagDiscovery discoverByHashtag(String hashtag, int pages) throws PlatformException, InterruptedException;
}
