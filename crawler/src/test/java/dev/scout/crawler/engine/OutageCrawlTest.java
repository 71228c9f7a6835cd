package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonStubs;
import dev.scout.crawler.testing.ServerErrorStorm;
import dev.scout.crawler.testing.TestClock;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A passing outage must not become permanent (issue 12, item 2): a storm of 5xx within a run loses nothing, and
 * profiles a run could not fetch because of 5xx or an unavailable robots.txt are fetched by a later run. The app's
 * default settings are used with every duration divided by 1,000, so the same schedule runs in milliseconds.
 */
class OutageCrawlTest {
    private static final FollowerRangeFunnel POSTS_ONLY = new FollowerRangeFunnel(1000, 100_000, 1000, false);
    private static final NicheTerms VEGAN = NicheTerms.of(List.of("vegan"), List.of());
    private static final int PROFILES = 8;

    private WireMockServer server;
    private ServerErrorStorm storm;
    private URI base;
    private final List<ProfileRef> seeds = new ArrayList<>();
    private final InMemoryFrontier frontier = new InMemoryFrontier();
    private final TestClock clock = new TestClock();

    @BeforeEach
    void start() {
        storm = new ServerErrorStorm(url -> url.startsWith("/api/"));
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(storm));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        MastodonStubs stubs = new MastodonStubs(server);
        for (int i = 0; i < PROFILES; i++) {
            stubs.account("user" + i, 5000, 5, List.of("vegan"), List.of());
            seeds.add(ProfileRef.mastodon("user" + i, "fika.example"));
        }
        robotsTxt(404);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private void robotsTxt(int status) {
        server.stubFor(get(urlPathEqualTo("/robots.txt")).willReturn(aResponse().withStatus(status)));
    }

    /** The defaults of {@link FetcherSettings} and of the app's crawl settings, every duration divided by 1,000. */
    private static FetcherSettings scaledFetcherDefaults() {
        return FetcherSettings.builder()
                .allowPrivateAddresses(true)
                .requestsPerSecond(1000)
                .retry(new FetcherSettings.RetrySettings(4, Duration.ofNanos(500_000), Duration.ofMillis(30),
                        Duration.ofMillis(120)))
                .circuit(new FetcherSettings.CircuitSettings(50f, 10, Duration.ofMillis(30)))
                .build();
    }

    private static CrawlSettings scaledCrawlDefaults() {
        CrawlSettings d = CrawlSettings.defaults();
        // The app runs 16 workers (crawl.maxInFlightTotal), 4 per host (2 x crawl.maxInFlightPerHost).
        return new CrawlSettings(d.postsPerProfile(), d.maxProfiles(), 0, 0, 0, 16, 4, d.lease(), d.maxAttempts(),
                d.retryDelay().dividedBy(1000));
    }

    private CrawlReport crawl() throws InterruptedException {
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(scaledFetcherDefaults()).build()) {
            MastodonClient client = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)));
            return new CrawlEngine(List.of(client), frontier, s -> { }, POSTS_ONLY, scaledCrawlDefaults(),
                    CrawlListener.NONE, clock).run(seeds, VEGAN);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void fortyConsecutiveServerErrorsThenRecoveryLoseNothingInTheSameRun() throws Exception {
        storm.start(40, 503);

        CrawlReport report = crawl();

        assertThat(storm.served()).isEqualTo(40);
        assertThat(report.snapshots()).isEqualTo(PROFILES);
        assertThat(frontier.entries()).allSatisfy(e -> assertThat(e.state()).isEqualTo(Frontier.EntryState.DONE));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void profilesAStormKeptFromOneRunAreFetchedByTheNextRun() throws Exception {
        storm.start(Integer.MAX_VALUE, 500);

        CrawlReport first = crawl();

        assertThat(first.snapshots()).isZero();
        assertThat(first.waitingForLaterRun()).isEqualTo(PROFILES);
        assertThat(first.warnings()).anySatisfy(w -> assertThat(w).contains("wait for a later run"));
        assertThat(frontier.entries()).allSatisfy(e -> {
            assertThat(e.state()).as(e.ref().id()).isEqualTo(Frontier.EntryState.PENDING);
            assertThat(e.attempts()).isPositive();
            assertThat(e.reason()).contains("HTTP 500").contains("a later run retries it");
        });

        storm.start(0, 500);
        clock.advance(Duration.ofHours(2));
        CrawlReport second = crawl();

        assertThat(second.snapshots()).isEqualTo(PROFILES);
        assertThat(frontier.entries()).allSatisfy(e -> assertThat(e.state()).isEqualTo(Frontier.EntryState.DONE));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void profilesAnUnavailableRobotsTxtKeptFromOneRunAreFetchedByTheNextRun() throws Exception {
        robotsTxt(503);

        CrawlReport first = crawl();

        assertThat(first.snapshots()).isZero();
        assertThat(frontier.entries()).allSatisfy(e -> {
            assertThat(e.state()).as(e.ref().id()).isEqualTo(Frontier.EntryState.PENDING);
            assertThat(e.reason()).contains("ROBOTS_UNAVAILABLE").contains("a later run retries it");
        });

        robotsTxt(404);
        clock.advance(Duration.ofHours(2));
        CrawlReport second = crawl();

        assertThat(second.snapshots()).isEqualTo(PROFILES);
        assertThat(frontier.entries()).allSatisfy(e -> assertThat(e.state()).isEqualTo(Frontier.EntryState.DONE));
    }
}
