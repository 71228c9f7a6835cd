package dev.scout.crawler.engine;

import dev.scout.crawler.discovery.Discovery;
import dev.scout.crawler.discovery.RecentIds;
import dev.scout.crawler.http.FetchOutcome;
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
 * reason; for good only on a permanent answer), skipped (with reason), parked, or handed to a later run. Thread-safe (all state is shared, thread-safe objects).
 */
final class BatchCrawl {
    /** Shortest wait before a later run retries an entry handed over after transient failures. */
    static final Duration LATER_RUN_MIN = Duration.ofMinutes(1);
    /** Longest such wait: a host that was down for a day is tried again within the hour of the next run. */
    static final Duration LATER_RUN_MAX = Duration.ofHours(1);

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
    private final RunAttempts attempts = new RunAttempts();

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
            leases.forEach(l -> park(l.ref(), refill.get(), "request budget of " + client.platform().key() + " spent"));
            return;
        }
        Optional<String> gaveUp = health.givenUp(host);
        if (gaveUp.isPresent()) {
            leases.forEach(l -> handOver(l, gaveUp.get()));
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
        for (int i = 0; i < leases.size(); i++) {
            Frontier.Lease lease = leases.get(i);
            ProfileLookup result = i < batch.results().size() ? batch.results().get(i)
                    : new ProfileLookup.Missing(lease.ref(), "the platform returned no result for it");
            try {
                handle(client, host, lease, result);
            } catch (RuntimeException e) {
                // Task boundary: a bug, a failing funnel or a failing sink must cost this profile, not the crawl.
                internalError(lease, "crawling it", e);
            }
        }
    }

    private void internalError(Frontier.Lease lease, String during, RuntimeException e) {
        crawledIds.remove(lease.ref().id());
        String reason = "internal error while " + during + ": " + e;
        frontier.fail(lease.ref(), reason, Optional.empty());
        listener.failed(lease.ref(), reason, false);
    }

    private void handle(PlatformClient client, String host, Frontier.Lease lease, ProfileLookup result)
            throws InterruptedException {
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
            skip(lease.ref(), skipped.reason());
        } else if (result instanceof ProfileLookup.Missing missing) {
            frontier.fail(lease.ref(), missing.reason(), Optional.empty());
            listener.failed(lease.ref(), missing.reason(), false);
        } else if (result instanceof ProfileLookup.Failed failed) {
            fail(lease, host, failed.error());
        }
    }

    private void crawlFound(PlatformClient client, String host, Frontier.Lease lease, ResolvedProfile profile)
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
            fail(lease, host, e);
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

    /**
     * Settles a lease whose profile failed. Permanent answers end the entry; transient ones are retried in this run
     * while they are the profile's own trouble and its attempts last, re-queued without charge while they are the
     * host's (circuit open, a streak of failures), and handed to a later run once the run's attempts are spent or
     * the host was given up — never failed for good.
     */
    private void fail(Frontier.Lease lease, String host, PlatformException e) {
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
        if (!e.retryable()) {
            frontier.fail(lease.ref(), e.getMessage(), Optional.empty());
            listener.failed(lease.ref(), e.getMessage(), false);
            return;
        }
        FetchOutcome.FailureKind fetch = e.fetchFailure().orElse(FetchOutcome.FailureKind.IO);
        if (fetch == FetchOutcome.FailureKind.CIRCUIT_OPEN) {
            // The host's breaker is open: nothing is wrong with the profile. Queue it again for when it may close.
            retryInRun(lease, now.plus(settings.retryDelay()), e, e.getMessage() + "; queued again");
            return;
        }
        if (fetch == FetchOutcome.FailureKind.ROBOTS_UNAVAILABLE) {
            handOver(lease, e.getMessage());
            return;
        }
        if (fetch == FetchOutcome.FailureKind.HOST_TOO_SLOW) {
            health.giveUp(host, HostHealth.shown(host) + " is too slow, so this run left it (" + e.getMessage() + ")");
        }
        Optional<String> gaveUp = health.givenUp(host);
        int streak = gaveUp.isPresent() ? 0 : health.failed(host, e.getMessage());
        gaveUp = health.givenUp(host);
        if (gaveUp.isPresent()) {
            handOver(lease, gaveUp.get());
            return;
        }
        RunAttempts.Count count = attempts.failed(lease.ref(), streak <= 1);
        if (count.charged() >= settings.maxAttempts()) {
            handOver(lease, e.getMessage());
            return;
        }
        Instant backoff = now.plus(settings.retryDelay().multipliedBy(Math.min(count.tries(), settings.maxAttempts())));
        retryInRun(lease, e.retryAt().filter(backoff::isBefore).orElse(backoff), e, e.getMessage());
    }

    private void retryInRun(Frontier.Lease lease, Instant at, PlatformException e, String reason) {
        frontier.fail(lease.ref(), reason, Optional.of(at));
        listener.failed(lease.ref(), reason, true);
    }

    /**
     * Leaves a transiently failed entry to a later run: pending, with its attempts, due after a backoff that grows
     * with them ({@link #laterRunDelay}); this run stops waiting for it.
     */
    private void handOver(Frontier.Lease lease, String why) {
        Instant at = clock.instant().plus(laterRunDelay(lease.attempts()));
        String reason = why + "; a later run retries it";
        frontier.fail(lease.ref(), reason, Optional.of(at));
        laterRuns.hold(lease.ref());
        listener.failed(lease.ref(), reason, true);
    }

    /** Twice the retry delay per attempt made so far, at least {@link #LATER_RUN_MIN}, at most {@link #LATER_RUN_MAX}. */
    private Duration laterRunDelay(int attemptsSoFar) {
        Duration d = settings.retryDelay().multipliedBy(2L * Math.max(1, attemptsSoFar));
        return d.compareTo(LATER_RUN_MIN) < 0 ? LATER_RUN_MIN : d.compareTo(LATER_RUN_MAX) > 0 ? LATER_RUN_MAX : d;
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
