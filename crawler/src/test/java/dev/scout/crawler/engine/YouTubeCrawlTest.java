package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.youtube.QuotaBudget;
import dev.scout.crawler.platform.youtube.YouTubeClient;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine over the YouTube adapter: quota units per channel and a clean, resumable stop at the budget. */
class YouTubeCrawlTest {
    private static final int CHANNELS = 4;

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private final List<ProfileRef> seeds = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
        List<String> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS; c++) {
            String id = String.format("UC%022d", c);
            String uploads = "UU" + id.substring(2);
            seeds.add(new ProfileRef(Platform.YOUTUBE, id));
            channels.add("{\"id\":\"" + id + "\",\"snippet\":{\"title\":\"C" + c + "\",\"publishedAt\":\"2020-01-01T00:00:00Z\"},"
                    + "\"contentDetails\":{\"relatedPlaylists\":{\"uploads\":\"" + uploads + "\"}},"
                    + "\"statistics\":{\"subscriberCount\":\"20000\",\"hiddenSubscriberCount\":false,\"videoCount\":\"300\"}}");
            List<String> items = new ArrayList<>();
            List<String> videos = new ArrayList<>();
            for (int v = 0; v < 50; v++) {
                String vid = String.format("v%02d%08d", c, v);
                String at = Instant.parse("2026-11-01T00:00:00Z").minusSeconds(86_400L * v).toString();
                items.add("{\"contentDetails\":{\"videoId\":\"" + vid + "\",\"videoPublishedAt\":\"" + at + "\"}}");
                videos.add("{\"id\":\"" + vid + "\",\"snippet\":{\"publishedAt\":\"" + at + "\",\"title\":\"tofu\"},"
                        + "\"statistics\":{\"viewCount\":\"5000\",\"likeCount\":\"300\",\"commentCount\":\"20\"}}");
            }
            server.stubFor(get(urlPathEqualTo("/youtube/v3/playlistItems")).withQueryParam("playlistId", equalTo(uploads))
                    .willReturn(okJson("{\"nextPageToken\":\"more\",\"items\":[" + String.join(",", items) + "]}")));
            server.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).withQueryParam("id",
                    matching(String.format("v%02d\\d{8}(,v%02d\\d{8}){49}", c, c)))
                    .willReturn(okJson("{\"items\":[" + String.join(",", videos) + "]}")));
        }
        server.stubFor(get(urlPathEqualTo("/youtube/v3/channels"))
                .willReturn(okJson("{\"items\":[" + String.join(",", channels) + "]}")));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private CrawlReport crawl(QuotaBudget budget, InMemoryFrontier frontier, List<ProfileSnapshot> stored)
            throws InterruptedException {
        YouTubeClient client = new YouTubeClient(fetcher, URI.create("http://127.0.0.1:" + server.port() + "/youtube/v3"),
                "test-key", budget);
        CrawlEngine engine = new CrawlEngine(List.of(client), frontier, stored::add,
                new FollowerRangeFunnel(1000, 100_000, 1000, false),
                CrawlSettings.defaults().withPostsPerProfile(50).withWorkers(2, 2).withRetries(2, Duration.ZERO),
                CrawlListener.NONE,
                Clock.systemUTC());
        return engine.run(seeds, NicheTerms.of(List.of("vegan"), List.of()));
    }

    @Test
    void youtubeSpendsAtMostThreeUnitsPerChannelWithFiftyVideos() throws Exception {
        QuotaBudget budget = new QuotaBudget(10_000, 0, Clock.systemUTC());
        List<ProfileSnapshot> stored = new CopyOnWriteArrayList<>();

        InMemoryFrontier frontier = new InMemoryFrontier();
        CrawlReport report = crawl(budget, frontier, stored);

        assertThat(report.snapshots()).as(frontier.entries().toString()).isEqualTo(CHANNELS);
        assertThat(stored).allSatisfy(s -> {
            assertThat(s.posts()).hasSize(50);
            assertThat(s.posts()).allSatisfy(p -> assertThat(p.views()).hasValue(5000));
        });
        double unitsPerChannel = (double) budget.used() / CHANNELS;
        assertThat(unitsPerChannel).isLessThanOrEqualTo(3.0);
        assertThat(report.profileRequestsPerScoredProfile()).isEqualTo(unitsPerChannel);
        System.out.printf("BENCHMARK youtube quota units/channel with 50 videos: %.2f%n", unitsPerChannel);
    }

    @Test
    void stopsCleanlyBeforeTheQuotaRunsOutAndLeavesTheRestForTheNextRun() throws Exception {
        // 1 unit for the channel lookup, 2 per channel: a budget of 6 crawls two channels, not the third.
        QuotaBudget budget = new QuotaBudget(16, 10, Clock.systemUTC());
        InMemoryFrontier frontier = new InMemoryFrontier();
        List<ProfileSnapshot> stored = new CopyOnWriteArrayList<>();

        CrawlReport report = crawl(budget, frontier, stored);

        assertThat(budget.used()).isLessThanOrEqualTo(6);
        assertThat(report.snapshots()).isLessThan(CHANNELS);
        assertThat(report.parkedForQuota()).isEqualTo(CHANNELS - report.snapshots());
        assertThat(report.count(Frontier.EntryState.PENDING)).as("parked, resumable").isEqualTo(report.parkedForQuota());
        assertThat(report.count(Frontier.EntryState.FAILED)).isZero();
    }
}
