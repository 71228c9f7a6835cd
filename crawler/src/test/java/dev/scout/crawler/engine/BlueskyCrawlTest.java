package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.bluesky.BlueskyClient;
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
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The engine over the Bluesky adapter: batching of lookups and the request target. */
class BlueskyCrawlTest {
    private static final int PROFILES = 50;

    private WireMockServer server;
    private SimpleTestFetcher fetcher;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fetcher = new SimpleTestFetcher();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    @Test
    void blueskySpendsAtMostOnePointZeroFourRequestsPerProfileWithFortyPosts() throws Exception {
        List<String> profiles = new ArrayList<>();
        List<ProfileRef> seeds = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) {
            String did = "did:plc:p" + i;
            profiles.add("{\"did\":\"" + did + "\",\"handle\":\"p" + i + ".bsky.social\",\"followersCount\":4000,"
                    + "\"followsCount\":100,\"postsCount\":900}");
            seeds.add(new ProfileRef(Platform.BLUESKY, "p" + i + ".bsky.social"));
            server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.feed.getAuthorFeed")).withQueryParam("actor", equalTo(did))
                    .willReturn(okJson(feed(did, 40))));
        }
        server.stubFor(get(urlPathEqualTo("/xrpc/app.bsky.actor.getProfiles"))
                .willReturn(okJson("{\"profiles\":[" + String.join(",", profiles) + "]}")));
        InMemoryFrontier frontier = new InMemoryFrontier();
        List<ProfileSnapshot> stored = new CopyOnWriteArrayList<>();
        CrawlEngine engine = new CrawlEngine(List.of(new BlueskyClient(fetcher, URI.create("http://127.0.0.1:" + server.port()))),
                frontier, stored::add, new FollowerRangeFunnel(1000, 100_000, 1000, false),
                CrawlSettings.defaults().withWorkers(3, 2).withRetries(2, Duration.ZERO), CrawlListener.NONE,
                Clock.systemUTC());

        CrawlReport report = engine.run(seeds, NicheTerms.of(List.of("vegan"), List.of()));

        assertThat(report.snapshots()).isEqualTo(PROFILES);
        assertThat(stored).allSatisfy(s -> {
            assertThat(s.posts()).hasSize(40);
            assertThat(s.id()).startsWith("bluesky:did:plc:");
        });
        assertThat(report.requestsByStage()).containsEntry(FunnelStage.LOOKUP, 2L).containsEntry(FunnelStage.DISCOVERY, 0L);
        assertThat(report.profileRequestsPerScoredProfile()).isLessThanOrEqualTo(1.04);
        System.out.printf("BENCHMARK bluesky requests/profile with 40 posts: %.2f%n", report.profileRequestsPerScoredProfile());
    }

    private static String feed(String did, int n) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add("{\"post\":{\"uri\":\"at://" + did + "/app.bsky.feed.post/r" + i + "\",\"cid\":\"c\","
                    + "\"author\":{\"did\":\"" + did + "\",\"handle\":\"x.bsky.social\"},"
                    + "\"record\":{\"$type\":\"app.bsky.feed.post\",\"text\":\"tofu #vegan\",\"createdAt\":\""
                    + Instant.parse("2026-11-20T00:00:00Z").minusSeconds(3600L * i) + "\"},"
                    + "\"likeCount\":50,\"replyCount\":3,\"repostCount\":2,\"indexedAt\":\"2026-11-20T00:00:00.000Z\"}}");
        }
        return "{\"feed\":[" + String.join(",", items) + "]}";
    }
}
