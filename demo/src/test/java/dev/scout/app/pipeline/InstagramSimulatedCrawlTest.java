package dev.scout.app.pipeline;

import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.instagram.InstagramClient;
import dev.scout.crawler.platform.instagram.InstagramSettings;
import dev.scout.crawler.platform.meta.UsageGate;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.instagram.GraphApi;
import dev.scout.simnet.instagram.GraphStats;
import dev.scout.simnet.population.SimAccount;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Instagram adapter against the simulated Graph host, through the real fetcher. */
class InstagramSimulatedCrawlTest {

    private static OkHttpFetcher fetcher() {
        return fetcher(Duration.ofMinutes(10));
    }

    /** 200 requests a second and the default 80% usage ceiling; {@code waitCap} is crawl.rateLimitWaitCap. */
    private static OkHttpFetcher fetcher(Duration waitCap) {
        return OkHttpFetcher.builder(FetcherSettings.builder().allowPrivateAddresses(true).requestsPerSecond(200)
                .callTimeout(Duration.ofSeconds(10)).rateLimitWaitCap(waitCap).build()).build();
    }

    private static InstagramClient client(OkHttpFetcher fetcher, SimulatedNetwork sim) {
        return new InstagramClient(fetcher, new InstagramSettings(URI.create(sim.instagramBaseUrl().orElseThrow()),
                "v25.0", GraphApi.SCOUT_IG_USER_ID, 40, false), GraphApi.DEMO_TOKEN,
                new UsageGate(Platform.INSTAGRAM, Clock.systemUTC()));
    }

    private static List<SimAccount> instagram(SimulatedNetwork sim) {
        return sim.population().on(Platform.INSTAGRAM);
    }

    @Test
    void aProfileWithFortyPostsCostsOneRequestAndPersonalAccountsAreSkipped() throws Exception {
        try (SimulatedNetwork sim = SimulatedNetwork.start(SimConfig.builder().size(300).instagram(10_000).build());
             OkHttpFetcher fetcher = fetcher()) {
            InstagramClient client = client(fetcher, sim);
            int profiles = 0;
            int requests = 0;
            int skipped = 0;
            for (SimAccount a : instagram(sim)) {
                LookupBatch batch = client.lookup(List.of(new ProfileRef(Platform.INSTAGRAM, a.username())));
                requests += batch.requests();
                if (batch.results().get(0) instanceof ProfileLookup.Found f) {
                    RecentPosts posts = client.recentPosts(f.profile(), 40);
                    requests += posts.requests();
                    profiles++;
                    if (sim.population().posts(a.index()).stream().filter(p -> p.isOriginal()).count() >= 40) {
                        assertThat(posts.posts()).hasSize(40);
                        assertThat(batch.requests() + posts.requests()).as(a.username()).isLessThanOrEqualTo(2);
                    }
                } else {
                    assertThat(batch.results().get(0)).isInstanceOfSatisfying(ProfileLookup.Skipped.class,
                            s -> assertThat(s.reason()).startsWith("not a business/creator account"));
                    assertThat(a.flags().locked()).isTrue();
                    skipped++;
                }
            }
            GraphStats stats = sim.instagramStats().orElseThrow();
            assertThat(profiles).isGreaterThan(10);
            assertThat(skipped).isGreaterThan(0);
            assertThat((double) requests / (profiles + skipped)).isLessThanOrEqualTo(2.0);
            assertThat(stats.tokenInUrl()).isZero();
            assertThat(stats.unauthenticated()).isZero();
        }
    }

    @Test
    void reportedUsageNeverPassesTheCeilingAndTheCrawlStopsWithATimeToComeBack() throws Exception {
        // 40 calls an hour: 2.5% a call, so the pacer spreads the 32 calls under 80% over the hour (one about every
        // two minutes); with a 5 s wait cap the crawl stops with a time to come back instead of waiting for them.
        try (SimulatedNetwork sim = SimulatedNetwork.start(SimConfig.builder().size(300).instagram(40).build());
             OkHttpFetcher fetcher = fetcher(Duration.ofSeconds(5))) {
            InstagramClient client = client(fetcher, sim);
            PlatformException stop = null;
            long started = System.nanoTime();
            for (SimAccount a : instagram(sim)) {
                LookupBatch batch = client.lookup(List.of(new ProfileRef(Platform.INSTAGRAM, a.username())));
                if (batch.results().get(0) instanceof ProfileLookup.Failed failed) {
                    stop = failed.error();
                    break;
                }
            }
            GraphStats stats = sim.instagramStats().orElseThrow();
            assertThat(stop).isNotNull();
            assertThat(stop.kind()).isEqualTo(PlatformException.Kind.QUOTA_EXHAUSTED);
            assertThat(stop.retryAt()).hasValueSatisfying(at -> assertThat(at).isAfter(java.time.Instant.now()
                    .plusSeconds(5)));
            assertThat(stats.highestUsagePct()).isLessThanOrEqualTo(80);
            assertThat(stats.overLimit()).isZero();
            assertThat(stats.calls()).as("calls sent before the percentage showed the cost").isGreaterThanOrEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no stall").isLessThan(Duration.ofMinutes(1));
        }
    }
}
