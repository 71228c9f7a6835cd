package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonStubs;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An unexpected exception in any stage of crawling one profile fails that profile with the exception as its reason;
 * the other profiles are crawled and the run ends with nothing left in flight (issue 12, item 1).
 */
class StageFaultCrawlTest {
    private static final CrawlSettings FAST = CrawlSettings.defaults().withWorkers(2, 2)
            .withRetries(2, Duration.ZERO).withDiscoveryDepth(1).withFollowerSampleSize(5);
    private static final ProfileRef ANA = ProfileRef.mastodon("ana", "fika.example");
    private static final ProfileRef BEN = ProfileRef.mastodon("ben", "fika.example");
    private static final String BOOM = "injected fault";

    /** Where the fault is injected. */
    enum Stage { HOST_KEY, DISCOVERY, LOOKUP, POSTS, FOLLOWER_SAMPLE, SCORING, STORE_WRITE }

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private MastodonClient mastodon;
    private final InMemoryFrontier frontier = new InMemoryFrontier();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        fetcher = new SimpleTestFetcher();
        MastodonStubs stubs = new MastodonStubs(server);
        String ana = stubs.account("ana", 5000, 5, List.of("vegan"), List.of());
        String ben = stubs.account("ben", 5000, 5, List.of("vegan"), List.of());
        stubs.followers(ana, List.of("cy"));
        stubs.followers(ben, List.of("cy"));
        stubs.following(ana, List.of());
        stubs.following(ben, List.of());
        stubs.account("cy", 50, 0, List.of(), List.of());
        stubs.tag("vegan", List.of("ana"));
        mastodon = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)), d -> base);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    @ParameterizedTest
    @EnumSource(Stage.class)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFaultInOneStageFailsOnlyThatProfileAndTheRunEnds(Stage stage) throws Exception {
        FunnelPolicy funnel = new FollowerRangeFunnel(1000, 100_000, 1, true);
        CrawlEngine engine = new CrawlEngine(List.of(new ThrowingPlatformClient(mastodon, stage)), frontier,
                stage == Stage.STORE_WRITE ? throwingSinkFor(ANA) : s -> { },
                stage == Stage.SCORING ? new ThrowingFunnel(funnel) : funnel, FAST, CrawlListener.NONE,
                Clock.systemUTC());

        CrawlReport report = engine.run(List.of(ANA, BEN), NicheTerms.of(List.of("vegan"), List.of("vegan")));

        assertThat(report.count(Frontier.EntryState.IN_FLIGHT)).isZero();
        assertThat(frontier.entry(BEN).orElseThrow().state()).isEqualTo(Frontier.EntryState.DONE);
        var ana = frontier.entry(ANA).orElseThrow();
        if (stage == Stage.DISCOVERY) {
            assertThat(ana.state()).isEqualTo(Frontier.EntryState.DONE);
            assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains(BOOM));
        } else {
            assertThat(ana.state()).isEqualTo(Frontier.EntryState.FAILED);
            assertThat(ana.reason()).contains("internal error").contains(BOOM);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aFrontierThatCannotRecordOutcomesStopsTheRunAndGivesItsLeasesBack() {
        Frontier broken = new FailingWritesFrontier(frontier);
        CrawlEngine engine = new CrawlEngine(List.of(mastodon), broken, s -> { },
                new FollowerRangeFunnel(1000, 100_000, 1000, false), FAST, CrawlListener.NONE, Clock.systemUTC());

        assertThatThrownBy(() -> engine.run(List.of(ANA, BEN), NicheTerms.of(List.of("vegan"), List.of())))
                .isInstanceOf(CrawlAbortedException.class).hasMessageContaining("disk full")
                .hasMessageContaining("2 claimed profiles were given back; run again to resume");

        assertThat(frontier.counts().get(Frontier.EntryState.IN_FLIGHT)).isZero();
        assertThat(frontier.counts().get(Frontier.EntryState.PENDING)).isEqualTo(2);
    }

    private static SnapshotSink throwingSinkFor(ProfileRef victim) {
        return snapshot -> {
            if (snapshot.account().ref().equals(victim)) {
                throw new IllegalStateException(BOOM + " (store write)");
            }
        };
    }

    private static void failFor(ProfileRef ref, String stage) {
        if (ref.equals(ANA)) {
            throw new IllegalStateException(BOOM + " (" + stage + ")");
        }
    }

    /** A real adapter with a fault injected into one stage, for {@link #ANA} only. */
    private record ThrowingPlatformClient(PlatformClient real, Stage stage) implements PlatformClient {
        @Override
        public Platform platform() {
            return real.platform();
        }

        @Override
        public int lookupBatchSize() {
            return real.lookupBatchSize();
        }

        @Override
        public String hostKey(ProfileRef ref) {
            if (stage == Stage.HOST_KEY) {
                failFor(ref, "host key");
            }
            return real.hostKey(ref);
        }

        @Override
        public LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException {
            if (stage == Stage.LOOKUP) {
                refs.forEach(r -> failFor(r, "lookup"));
            }
            return real.lookup(refs);
        }

        @Override
        public RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
            if (stage == Stage.POSTS) {
                failFor(profile.account().ref(), "posts");
            }
            return real.recentPosts(profile, max);
        }

        @Override
        public FollowerSample followers(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
            if (stage == Stage.FOLLOWER_SAMPLE) {
                failFor(profile.account().ref(), "follower sample");
            }
            return real.followers(profile, max);
        }

        @Override
        public FollowerSample following(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
            return real.following(profile, max);
        }

        @Override
        public TagDiscovery discoverByHashtag(String hashtag, int pages) throws PlatformException, InterruptedException {
            if (stage == Stage.DISCOVERY) {
                throw new IllegalStateException(BOOM + " (hashtag discovery)");
            }
            return real.discoverByHashtag(hashtag, pages);
        }
    }

    /** The funnel (the scorer's gates) failing on {@link #ANA}'s snapshot. */
    private record ThrowingFunnel(FunnelPolicy real) implements FunnelPolicy {
        @Override
        public Decision wantsPosts(Account account) {
            return real.wantsPosts(account);
        }

        @Override
        public boolean wantsFollowerSample(ProfileSnapshot snapshot) {
            failFor(snapshot.account().ref(), "scoring");
            return real.wantsFollowerSample(snapshot);
        }

        @Override
        public boolean expandFrom(ProfileSnapshot snapshot) {
            return real.expandFrom(snapshot);
        }
    }

    /** A frontier whose store refuses every outcome (complete, fail, skip): claims work, nothing can be settled. */
    private record FailingWritesFrontier(InMemoryFrontier real) implements Frontier {
        @Override
        public int offer(Collection<Discovered> discovered) {
            return real.offer(discovered);
        }

        @Override
        public List<Lease> claim(String worker, int max, Instant now, Duration leaseFor) {
            return real.claim(worker, max, now, leaseFor);
        }

        @Override
        public void complete(ProfileRef ref) {
            throw new IllegalStateException("disk full (complete)");
        }

        @Override
        public void fail(ProfileRef ref, String reason, Optional<Instant> retryAt) {
            throw new IllegalStateException("disk full (fail)");
        }

        @Override
        public void skip(ProfileRef ref, String reason) {
            throw new IllegalStateException("disk full (skip)");
        }

        @Override
        public void defer(ProfileRef ref, Instant notBefore) {
            real.defer(ref, notBefore);
        }

        @Override
        public Map<EntryState, Long> counts() {
            return real.counts();
        }
    }
}
