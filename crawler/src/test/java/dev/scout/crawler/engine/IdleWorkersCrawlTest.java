package dev.scout.crawler.engine;

import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Collection;
import java.util.Map;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle workers wait for an event — here the retry time the run itself set — instead of asking the frontier every
 * 50 ms (the old pool did, every idle worker twenty times a second while one batch waited for its retry).
 */
class IdleWorkersCrawlTest {

    /** A Bluesky-shaped adapter whose first {@code failing} lookups fail with one 503 for the whole batch. */
    private static final class FlakyBatchClient implements PlatformClient {
        private final AtomicInteger failing;

        FlakyBatchClient(int failing) {
            this.failing = new AtomicInteger(failing);
        }

        @Override
        public Platform platform() {
            return Platform.BLUESKY;
        }

        @Override
        public int lookupBatchSize() {
            return 25;
        }

        @Override
        public String hostKey(ProfileRef ref) {
            return "appview.example:443";
        }

        @Override
        public LookupBatch lookup(List<ProfileRef> refs) {
            List<ProfileLookup> out = new ArrayList<>();
            if (failing.getAndDecrement() > 0) {
                PlatformException e = new PlatformException(Platform.BLUESKY, refs.size() + " profiles",
                        URI.create("https://appview.example/xrpc/app.bsky.actor.getProfiles"),
                        PlatformException.Kind.UNAVAILABLE, OptionalInt.of(503), "HTTP 503", Optional.empty(), null)
                        .withFetchFailure(FetchOutcome.FailureKind.SERVER_ERROR);
                refs.forEach(r -> out.add(new ProfileLookup.Failed(r, e)));
            } else {
                refs.forEach(r -> out.add(new ProfileLookup.Found(r, new ResolvedProfile(
                        Account.builder(r).followers(5000).build(), r.value(), URI.create("https://appview.example")))));
            }
            return new LookupBatch(out, 1);
        }

        @Override
        public RecentPosts recentPosts(ResolvedProfile profile, int max) {
            return new RecentPosts(List.of(), List.of(), 0);
        }

        @Override
        public FollowerSample followers(ResolvedProfile profile, int max) {
            return new FollowerSample(List.of(), 0);
        }

        @Override
        public TagDiscovery discoverByHashtag(String hashtag, int pages) {
            return TagDiscovery.none();
        }
    }

    /** Counts how often workers look at the frontier. */
    private static final class CountingFrontier implements Frontier {
        final InMemoryFrontier inner = new InMemoryFrontier();
        final AtomicInteger claims = new AtomicInteger();
        final AtomicInteger counts = new AtomicInteger();

        @Override
        public int offer(Collection<Discovered> discovered) {
            return inner.offer(discovered);
        }

        @Override
        public List<Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
            claims.incrementAndGet();
            return inner.claim(worker, max, now, leaseFor);
        }

        @Override
        public void complete(ProfileRef ref) {
            inner.complete(ref);
        }

        @Override
        public void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
            inner.fail(ref, reason, retryAt);
        }

        @Override
        public void skip(ProfileRef ref, String reason) {
            inner.skip(ref, reason);
        }

        @Override
        public void defer(ProfileRef ref, Instant notBefore) {
            inner.defer(ref, notBefore);
        }

        @Override
        public Map<EntryState, Long> counts() {
            counts.incrementAndGet();
            return inner.counts();
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void idleWorkersWaitForTheRetryTimeInsteadOfPollingTheFrontier() throws Exception {
        List<ProfileRef> seeds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            seeds.add(new ProfileRef(Platform.BLUESKY, "did:plc:p" + i));
        }
        CountingFrontier frontier = new CountingFrontier();
        CrawlSettings settings = CrawlSettings.defaults().withWorkers(4, 1).withDiscoveryDepth(0)
                .withRetries(3, Duration.ofSeconds(3));

        CrawlReport report = new CrawlEngine(List.of(new FlakyBatchClient(1)), frontier, s -> { },
                new FollowerRangeFunnel(1000, 100_000, 1000, false), settings, CrawlListener.NONE, Clock.systemUTC())
                .run(seeds, NicheTerms.of(List.of(), List.of()));

        assertThat(report.snapshots()).isEqualTo(25);
        assertThat(report.wallTime()).as("the batch waited for its retry").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        // Polling every 50 ms, the idle workers read the counts about 360 times in those three seconds (two reads per
        // look). Event-driven, each looks when a batch starts or ends and when the retry time comes: about 50.
        assertThat(frontier.counts.get()).as("frontier counts read").isLessThan(100);
        assertThat(frontier.claims.get()).as("claims").isLessThan(60);
    }
}
