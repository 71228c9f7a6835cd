package dev.scout.crawler.engine;

import dev.scout.model.Platform;

import java.time.Duration;
import java.util.Map;

/**
 * What a crawl did, for the run summary and {@code BENCHMARKS.md}.
 *
 * @param states              frontier entries per state at the end (parked entries are {@code PENDING})
 * @param snapshots           profiles whose snapshot was stored ("scored profiles")
 * @param followerSamples     snapshots that carry a follower sample
 * @param parkedForQuota      entries put back because a platform's request budget ran out (resume later)
 * @param requestsByStage     requests per funnel stage (YouTube: quota units, one per call)
 * @param requestsByPlatform  requests per platform
 * @param wallTime            time from start to end of {@code run}
 * @param warnings            problems that did not stop the crawl (a hashtag source that failed)
 * @param waitingForLaterRun  entries this run handed to a later run after transient failures (pending, with their
 *                            attempts and next eligible time; {@code scout status} lists them)
 */
public record CrawlReport(
        Map<Frontier.EntryState, Long> states,
        long snapshots,
        long followerSamples,
        long parkedForQuota,
        Map<FunnelStage, Long> requestsByStage,
        Map<Platform, Long> requestsByPlatform,
        Duration wallTime,
        java.util.List<String> warnings,
        long waitingForLaterRun) {

    public CrawlReport {
        warnings = java.util.List.copyOf(warnings);
        states = Map.copyOf(states);
        requestsByStage = Map.copyOf(requestsByStage);
        requestsByPlatform = Map.copyOf(requestsByPlatform);
    }

    public long totalRequests() {
        return requestsByStage.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(Frontier.EntryState state) {
        return states.getOrDefault(state, 0L);
    }

    /** Requests per stored snapshot; 0 when nothing was stored. */
    public double requestsPerScoredProfile() {
        return snapshots == 0 ? 0.0 : (double) totalRequests() / snapshots;
    }

    /**
     * Requests spent on profiles themselves (lookups, posts, followers; hashtag discovery excluded) per stored
     * snapshot: the figure the per-platform targets are stated in.
     */
    public double profileRequestsPerScoredProfile() {
        long perProfile = totalRequests() - requestsByStage.getOrDefault(FunnelStage.DISCOVERY, 0L);
        return snapshots == 0 ? 0.0 : (double) perProfile / snapshots;
    }

    /** Requests per profile of some subset the caller counted (e.g. flagged candidates); 0 when {@code n} is 0. */
    public double requestsPer(long n) {
        return n <= 0 ? 0.0 : (double) totalRequests() / n;
    }
}
