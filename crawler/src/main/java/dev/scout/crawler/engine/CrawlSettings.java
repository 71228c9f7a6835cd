package dev.scout.crawler.engine;

import dev.scout.config.Defaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How much a crawl may read and how it spreads the work. Validated on construction; every problem is reported at
 * once with the setting's name, the bad value and the rule.
 *
 * @param postsPerProfile    recent posts read per profile (Mastodon: 40 = one page)
 * @param maxProfiles        profiles the frontier may hold in total (seeds included); discovery stops there
 * @param discoveryDepth     hops from a seed or hashtag author that discovery follows (0 = seeds and tag authors only)
 * @param hashtagPages       pages of each hashtag timeline read per source
 * @param followerSampleSize followers sampled per funnel-passed profile (0 = never sample)
 * @param workerThreads      worker threads claiming work from the frontier
 * @param maxWorkersPerHost  seats per host when the engine is not given the fetcher's {@code HostSeats} (tests
 *                           with a fetcher that does not schedule); with the fetcher's, its per-host cap decides
 * @param lease              how long a claimed entry stays in flight before another worker may take it
 * @param maxAttempts        tries a profile's own transient failures get in one run; then it waits for a later run
 *                           (a transient failure never ends a profile for good; failures in a host-wide streak are
 *                           not charged to the profile)
 * @param retryDelay         first retry delay after a transient failure (multiplied by the try number); a later run
 *                           waits twice this per attempt made (1 min to 1 h)
 */
public record CrawlSettings(
        int postsPerProfile,
        int maxProfiles,
        int discoveryDepth,
        int hashtagPages,
        int followerSampleSize,
        int workerThreads,
        int maxWorkersPerHost,
        Duration lease,
        int maxAttempts,
        Duration retryDelay) {

    public CrawlSettings {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(retryDelay, "retryDelay");
        List<String> problems = new ArrayList<>();
        check(problems, postsPerProfile >= 0, "postsPerProfile", postsPerProfile, ">= 0");
        check(problems, maxProfiles >= 1, "maxProfiles", maxProfiles, ">= 1");
        check(problems, discoveryDepth >= 0, "discoveryDepth", discoveryDepth, ">= 0");
        check(problems, hashtagPages >= 0, "hashtagPages", hashtagPages, ">= 0");
        check(problems, followerSampleSize >= 0, "followerSampleSize", followerSampleSize, ">= 0");
        check(problems, workerThreads >= 1 && workerThreads <= 64, "workerThreads", workerThreads, "between 1 and 64");
        check(problems, maxWorkersPerHost >= 1, "maxWorkersPerHost", maxWorkersPerHost, ">= 1");
        check(problems, lease.compareTo(Duration.ofSeconds(1)) >= 0, "lease", lease, ">= 1s");
        check(problems, maxAttempts >= 1, "maxAttempts", maxAttempts, ">= 1");
        check(problems, !retryDelay.isNegative(), "retryDelay", retryDelay, ">= 0");
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid crawl settings:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * The scout.yaml defaults ({@link Defaults}: 40 posts per profile, 500 profiles, depth 2, 10 hashtag pages, 80
     * followers sampled) and the engine's own: 4 workers (2 per host), a 5 min lease, 3 attempts 30 s apart.
     */
    public static CrawlSettings defaults() {
        return new CrawlSettings(Defaults.POSTS_PER_PROFILE,
                Math.min(Defaults.MAX_PROFILES, Defaults.DISCOVERY_MAX_PROFILES), Defaults.DISCOVERY_DEPTH,
                Defaults.DISCOVERY_HASHTAG_PAGES, Defaults.FOLLOWER_SAMPLE_SIZE, 4, 2, Duration.ofMinutes(5), 3,
                Duration.ofSeconds(30));
    }

    public CrawlSettings withMaxProfiles(int v) {
        return new CrawlSettings(postsPerProfile, v, discoveryDepth, hashtagPages, followerSampleSize, workerThreads,
                maxWorkersPerHost, lease, maxAttempts, retryDelay);
    }

    public CrawlSettings withPostsPerProfile(int v) {
        return new CrawlSettings(v, maxProfiles, discoveryDepth, hashtagPages, followerSampleSize, workerThreads,
                maxWorkersPerHost, lease, maxAttempts, retryDelay);
    }

    public CrawlSettings withDiscoveryDepth(int v) {
        return new CrawlSettings(postsPerProfile, maxProfiles, v, hashtagPages, followerSampleSize, workerThreads,
                maxWorkersPerHost, lease, maxAttempts, retryDelay);
    }

    public CrawlSettings withWorkers(int threads, int perHost) {
        return new CrawlSettings(postsPerProfile, maxProfiles, discoveryDepth, hashtagPages, followerSampleSize,
                threads, perHost, lease, maxAttempts, retryDelay);
    }

    public CrawlSettings withRetries(int attempts, Duration delay) {
        return new CrawlSettings(postsPerProfile, maxProfiles, discoveryDepth, hashtagPages, followerSampleSize,
                workerThreads, maxWorkersPerHost, lease, attempts, delay);
    }

    public CrawlSettings withFollowerSampleSize(int v) {
        return new CrawlSettings(postsPerProfile, maxProfiles, discoveryDepth, hashtagPages, v, workerThreads,
                maxWorkersPerHost, lease, maxAttempts, retryDelay);
    }

    private static void check(List<String> problems, boolean ok, String name, Object value, String rule) {
        if (!ok) {
            problems.add("crawl." + name + ": must be " + rule + " (got " + value + ")");
        }
    }
}
