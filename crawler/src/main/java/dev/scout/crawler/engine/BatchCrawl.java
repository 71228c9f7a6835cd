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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Crawls one claimed batch of one platform and host through the funnel: one (batched) lookup, posts only when the
 * funnel wants them, a follower sample only for funnel-passed profiles. Every lease ends complete, failed (with
 * reason, maybe to retry), skipped (with reason) or parked. Thread-safe (all state is shared, thread-safe objects).
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

    BatchCrawl(Frontier frontier, SnapshotSink sink, FunnelPolicy funnel, CrawlSettings settings,
               CrawlListener listener, Discovery discovery, RunCounters counters, QuotaParking parking,
               RecentIds crawledIds, Clock clock, CrawlWarnings warnings) {
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
    }

    void crawl(PlatformClient client, List<Frontier.Lease> leases) throws InterruptedException {
        Optional<Instant> refill = parking.exhaustedAt(client.platform(), clock.instant());
        if (refill.isPresent()) {
            leases.forEach(l -> park(l.ref(), refill.get(), "request budget of " + client.platform().key() + " spent"));
            return;
        }
        LookupBatch batch = client.lookup(leases.stream().map(Frontier.Lease::ref).toList());
        counters.requests(client.platform(), FunnelStage.LOOKUP, batch.requests());
        for (int i = 0; i < leases.size(); i++) {
            Frontier.Lease lease = leases.get(i);
            ProfileLookup result = i < batch.results().size() ? batch.results().get(i)
                    : new ProfileLookup.Missing(lease.ref(), "the platform returned no result for it");
            try {
                handle(client, lease, result);
            } catch (RuntimeException e) {
                // Task boundary: a bug or a failing sink must cost this profile, not the crawl.
                crawledIds.remove(lease.ref().id());
                String reason = "internal error while crawling " + lease.ref().id() + ": " + e;
                frontier.fail(lease.ref(), reason, Optional.empty());
                listener.failed(lease.ref(), reason, false);
            }
        }
    }

    private void handle(PlatformClient client, Frontier.Lease lease, ProfileLookup result) throws InterruptedException {
        if (result instanceof ProfileLookup.Found found) {
            crawlFound(client, lease, found.profile());
        } else if (result instanceof ProfileLookup.Skipped skipped) {
            skipped.movedTo().ifPresent(target -> {
                int added = discovery.offerMovedTarget(target, lease.depth(), lease.ref());
                announce(added);
            });
            skip(lease.ref(), skipped.reason());
        } else if (result instanceof ProfileLookup.Missing missing) {
            frontier.fail(lease.ref(), missing.reason(), Optional.empty());
            listener.failed(lease.ref(), missing.reason(), false);
        } else if (result instanceof ProfileLookup.Failed failed) {
            fail(lease, failed.error());
        }
    }

    private void crawlFound(PlatformClient client, Frontier.Lease lease, ResolvedProfile profile)
            throws InterruptedException {
        Account account = profile.account();
        ProfileRef canonical = account.ref();
        discovery.markKnown(canonical);
        if (!crawledIds.add(canonical.id())) {
            skip(lease.ref(), "same profile as " + canonical.id() + ", already crawled in this run");
            return;
        }
        FunnelPolicy.Decision wantsPosts = funnel.wantsPosts(account);
        if (!wantsPosts.wanted()) {
            skip(lease.ref(), wantsPosts.reason());
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
            fail(lease, e);
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

    private void fail(Frontier.Lease lease, PlatformException e) {
        Instant now = clock.instant();
        if (e.kind() == PlatformException.Kind.QUOTA_EXHAUSTED) {
            Instant until = e.retryAt().orElse(now.plus(Duration.ofDays(1)));
            parking.exhaust(e.platform(), until);
            park(lease.ref(), until, e.getMessage());
            return;
        }
        if (e.kind() == PlatformException.Kind.DENIED) {
            skip(lease.ref(), "not crawlable: " + e.getMessage());
            return;
        }
        boolean retry = e.retryable() && lease.attempts() < settings.maxAttempts();
        if (retry) {
            Instant backoff = now.plus(settings.retryDelay().multipliedBy(lease.attempts()));
            Instant at = e.retryAt().filter(backoff::isBefore).orElse(backoff);
            frontier.fail(lease.ref(), e.getMessage(), Optional.of(at));
        } else {
            frontier.fail(lease.ref(), e.getMessage(), Optional.empty());
        }
        listener.failed(lease.ref(), e.getMessage(), retry);
    }

    private void park(ProfileRef ref, Instant until, String why) {
        frontier.defer(ref, until);
        parking.park(ref);
        counters.parked.increment();
        listener.skipped(ref, "parked until " + until + " (" + why + "); a later run resumes it");
    }

    private void skip(ProfileRef ref, String reason) {
        frontier.skip(ref, reason);
        listener.skipped(ref, reason);
    }

    private void announce(int added) {
        if (added > 0) {
            listener.discovered(added, discovery.known());
        }
    }
}
