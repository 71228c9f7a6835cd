package dev.scout.crawler.engine;

import dev.scout.crawler.discovery.Discovery;
import dev.scout.crawler.discovery.RecentIds;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.model.Account;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Crawls one claimed batch of one platform and host through the funnel: one (batched) lookup, posts only when the
 * funnel wants them, a follower sample only for funnel-passed profiles. Every lease ends complete, failed (with
 * reason; for good only on a permanent answer), skipped (with reason), parked, or handed to a later run
 * ({@link FailureTriage}). Thread-safe (all state is shared, thread-safe objects).
 */
final class BatchCrawl {
    private final Frontier frontier;
    private final SnapshotSink sink;
    private final FunnelPolicy funnel;
    private final CrawlSettings settings;
    private final CrawlListener listener;
    private final Discovery discovery;
    private final RunCounters counters;
    private final QuotaParking parking;
    /** Canonical ids crawled recently: catches one profile met under two ids (a handle and its DID) in a run. */
    private final RecentIds crawledIds;
    private final Clock clock;
    private final CrawlWarnings warnings;
    private final LaterRuns laterRuns;
    private final HostHealth health;
    private final FailureTriage triage;

    BatchCrawl(Frontier frontier, SnapshotSink sink, FunnelPolicy funnel, CrawlSettings settings,
               CrawlListener listener, Discovery discovery, RunCounters counters, QuotaParking parking,
               RecentIds crawledIds, Clock clock, CrawlWarnings warnings, LaterRuns laterRuns, HostHealth health) {
        this.frontier = frontier;
        this.sink = sink;
        this.funnel = funnel;
        this.settings = settings;
        this.listener = listener;
        this.discovery = discovery;
        this.counters = counters;
        this.parking = parking;
        this.crawledIds = crawledIds;
        this.clock = clock;
        this.warnings = warnings;
        this.laterRuns = laterRuns;
        this.health = health;
        this.triage = new FailureTriage(frontier, settings, listener, counters, parking, clock, laterRuns, health);
    }

    /**
     * Crawls one batch of leases of {@code host}. Every lease ends settled (done, failed, skipped, parked, handed to a
     * later run); an unexpected exception while crawling one profile fails that profile, with the exception as
     * reason.
     */
    void crawl(PlatformClient client, String host, List<Frontier.Lease> leases) throws InterruptedException {
        leases.forEach(l -> laterRuns.claimedAgain(l.ref()));
        Optional<Instant> refill = parking.exhaustedAt(client.platform(), clock.instant());
        if (refill.isPresent()) {
            leases.forEach(l -> triage.park(l.ref(), refill.get(),
                    "request budget of " + client.platform().key() + " spent"));
            return;
        }
        Optional<String> gaveUp = health.givenUp(host);
        if (gaveUp.isPresent()) {
            leases.forEach(l -> triage.handOver(l, gaveUp.get()));
            return;
        }
        LookupBatch batch;
        try {
            batch = client.lookup(leases.stream().map(Frontier.Lease::ref).toList());
        } catch (RuntimeException e) {
            // Task boundary: an adapter bug during the lookup costs the profiles of this batch, not the crawl.
            leases.forEach(l -> internalError(l, "looking it up", e));
            return;
        }
        counters.requests(client.platform(), FunnelStage.LOOKUP, batch.requests());
        // One failed request may answer for the whole batch: it counts once in the host's failure streak.
        Set<PlatformException> lookupFailures = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < leases.size(); i++) {
            Frontier.Lease lease = leases.get(i);
            ProfileLookup result = i < batch.results().size() ? batch.results().get(i)
                    : new ProfileLookup.Missing(lease.ref(), "the platform returned no result for it");
            try {
                handle(client, host, lease, result, lookupFailures);
            } catch (RuntimeException e) {
                // Task boundary: a bug, a failing funnel or a failing sink must cost this profile, not the crawl.
                internalError(lease, "crawling it", e);
            }
        }
    }

    private void internalError(Frontier.Lease lease, String during, RuntimeException e) {
        crawledIds.remove(lease.ref().id());
        triage.failForGood(lease.ref(), "internal error while " + during + ": " + e);
    }

    private void handle(PlatformClient client, String host, Frontier.Lease lease, ProfileLookup result,
                        Set<PlatformException> lookupFailures) throws InterruptedException {
        if (!(result instanceof ProfileLookup.Failed)) {
            health.answered(host);
        }
        if (result instanceof ProfileLookup.Found found) {
            crawlFound(client, host, lease, found.profile());
        } else if (result instanceof ProfileLookup.Skipped skipped) {
            skipped.movedTo().ifPresent(target -> {
                int added = discovery.offerMovedTarget(target, lease.depth(), lease.ref());
                announce(added);
            });
            triage.skip(lease.ref(), skipped.reason());
        } else if (result instanceof ProfileLookup.Missing missing) {
            triage.failForGood(lease.ref(), missing.reason());
        } else if (result instanceof ProfileLookup.Failed failed) {
            triage.failed(lease, host, failed.error(), lookupFailures.add(failed.error()));
        }
    }

    private void crawlFound(PlatformClient client, String host, Frontier.Lease lease, ResolvedProfile profile)
            throws InterruptedException {
        Account account = profile.account();
        ProfileRef canonical = account.ref();
        discovery.markKnown(canonical);
        if (!crawledIds.add(canonical.id())) {
            triage.skip(lease.ref(), "same profile as " + canonical.id() + ", already crawled in this run");
            return;
        }
        FunnelPolicy.Decision wantsPosts = funnel.wantsPosts(account);
        if (!wantsPosts.wanted()) {
            triage.skip(lease.ref(), wantsPosts.reason());
            return;
        }
        try {
            RecentPosts recent = client.recentPosts(profile, settings.postsPerProfile());
            counters.requests(client.platform(), FunnelStage.POSTS, recent.requests());
            ProfileSnapshot snapshot = new ProfileSnapshot(account, recent.posts(), clock.instant());
            announce(discovery.offerSightings(canonical, lease.depth(), recent.sightings()));

            Optional<FollowerSample> sample = Optional.empty();
            if (settings.followerSampleSize() > 0 && funnel.wantsFollowerSample(snapshot)) {
                sample = bestEffort(client, "follower sample", () -> client.followers(profile, settings.followerSampleSize()));
                if (sample.isPresent()) {
                    snapshot = snapshot.withFollowerSample(sample.get().followers());
                    counters.followerSamples.increment();
                }
            }
            if (lease.depth() < discovery.maxDepth() && funnel.expandFrom(snapshot)) {
                Optional<FollowerSample> followers = sample.isPresent() ? sample : bestEffort(client, "followers",
                        () -> client.followers(profile, Math.max(1, settings.followerSampleSize())));
                followers.ifPresent(f -> announce(discovery.offerFollowers(canonical, lease.depth(), f.followers())));
                bestEffort(client, "following list", () -> client.following(profile,
                        Math.max(1, settings.followerSampleSize())))
                        .ifPresent(f -> announce(discovery.offerFollowing(canonical, lease.depth(), f.followers())));
            }
            sink.accept(snapshot);
            counters.snapshots.increment();
            frontier.complete(lease.ref());
            listener.completed(snapshot);
        } catch (PlatformException e) {
            crawledIds.remove(canonical.id());
            triage.failed(lease, host, e);
        }
    }

    /** One account-list call (followers, following); its requests are counted in the FOLLOWERS stage. */
    @FunctionalInterface
    private interface ListCall {
        FollowerSample call() throws PlatformException, InterruptedException;
    }

    /**
     * Runs a list call that only enriches a profile. A list the platform refuses or does not know (hidden, removed)
     * costs the enrichment, not the profile: empty result and a warning. A retryable failure still fails the
     * profile so it is tried again later.
     */
    private Optional<FollowerSample> bestEffort(PlatformClient client, String what, ListCall call)
            throws PlatformException, InterruptedException {
        try {
            FollowerSample result = call.call();
            counters.requests(client.platform(), FunnelStage.FOLLOWERS, result.requests());
            return Optional.of(result);
        } catch (PlatformException e) {
            if (e.retryable()) {
                throw e;
            }
            counters.requests(client.platform(), FunnelStage.FOLLOWERS, 1);
            warnings.add(what + " not read: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void announce(int added) {
        if (added > 0) {
            listener.discovered(added, discovery.known());
        }
    }
}
