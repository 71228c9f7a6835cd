package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.internal.resilience.HostTimeouts;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonStubs;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slow-drip host is given up after {@link HostTimeouts#DEFAULT_LIMIT} timeouts in a row (issue 12, item 10): its
 * remaining profiles wait for a later run (not lost, not failed) and the rest of the crawl is not held up.
 */
class SlowHostCrawlTest {
    private static final int SLOW_PROFILES = 6;

    private WireMockServer slow;
    private WireMockServer fast;
    private final List<ProfileRef> seeds = new ArrayList<>();
    private final InMemoryFrontier frontier = new InMemoryFrontier();

    @BeforeEach
    void start() {
        slow = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        fast = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        slow.start();
        fast.start();
        MastodonStubs slowStubs = new MastodonStubs(slow);
        MastodonStubs fastStubs = new MastodonStubs(fast);
        for (int i = 0; i < SLOW_PROFILES; i++) {
            slowStubs.account("s" + i, 5000, 5, List.of("vegan"), List.of());
            seeds.add(ProfileRef.mastodon("s" + i, "slow.example"));
        }
        for (int i = 0; i < 3; i++) {
            fastStubs.account("f" + i, 5000, 5, List.of("vegan"), List.of());
            seeds.add(ProfileRef.mastodon("f" + i, "fast.example"));
        }
        slow.stubFor(get(urlPathEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        fast.stubFor(get(urlPathEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        // Every API answer of the slow host comes far slower than the read timeout allows (robots.txt is quick).
        slow.stubFor(get(urlPathMatching("/api/.*")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
    }

    @AfterEach
    void stop() {
        slow.stop();
        fast.stop();
    }

    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aHostThatKeepsTimingOutIsLeftForALaterRunAfterThreeTimeouts() throws Exception {
        FetcherSettings settings = FetcherSettings.builder().allowPrivateAddresses(true).requestsPerSecond(100)
                .readTimeout(Duration.ofMillis(1500)).callTimeout(Duration.ofSeconds(3))
                .retry(new FetcherSettings.RetrySettings(4, Duration.ofMillis(1), Duration.ofMillis(10),
                        Duration.ofSeconds(5)))
                .build();
        CrawlSettings crawl = CrawlSettings.defaults().withDiscoveryDepth(0).withRetries(3, Duration.ofMillis(10));
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(settings).build()) {
            MastodonClient client = new MastodonClient(fetcher, List.of(
                    new MastodonInstance("slow.example", URI.create("http://127.0.0.1:" + slow.port())),
                    new MastodonInstance("fast.example", URI.create("http://127.0.0.1:" + fast.port()))));
            new CrawlEngine(List.of(client), frontier, s -> { }, new FollowerRangeFunnel(1000, 100_000, 1000, false),
                    crawl, CrawlListener.NONE, Clock.systemUTC()).run(seeds, NicheTerms.of(List.of(), List.of()));
        }

        long apiRequests = slow.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/api/")).count();
        assertThat(apiRequests).as("3 timeouts in a row, plus at most one more already in flight per host slot")
                .isLessThanOrEqualTo(HostTimeouts.DEFAULT_LIMIT + 2);
        for (var e : frontier.entries()) {
            if (e.ref().mastodonHost().equals("slow.example")) {
                assertThat(e.state()).as(e.ref().id()).isEqualTo(Frontier.EntryState.PENDING);
                assertThat(e.reason()).contains("timed out 3 times in a row").contains("a later run retries it");
            } else {
                assertThat(e.state()).as(e.ref().id() + " " + e.reason()).isEqualTo(Frontier.EntryState.DONE);
            }
        }
    }
}
