package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonJson;
import dev.scout.crawler.testing.MastodonStubs;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class CrawlEngineTest {
    private static final NicheTerms VEGAN = NicheTerms.of(List.of("vegan"), List.of());
    private static final CrawlSettings FAST = CrawlSettings.defaults().withWorkers(3, 2)
            .withRetries(3, Duration.ZERO);

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private MastodonStubs stubs;
    private MastodonClient client;
    private final InMemoryFrontier frontier = new InMemoryFrontier();
    private final List<ProfileSnapshot> stored = new CopyOnWriteArrayList<>();
    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    private final CrawlListener recorder = new CrawlListener() {
        @Override
        public void failed(ProfileRef ref, String reason, boolean willRetry) {
            reasons.put(ref.id(), "failed: " + reason);
        }

        @Override
        public void skipped(ProfileRef ref, String reason) {
            reasons.put(ref.id(), "skipped: " + reason);
        }
    };

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.port());
        fetcher = new SimpleTestFetcher();
        stubs = new MastodonStubs(server);
        client = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)), d -> base);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    private CrawlReport crawl(CrawlSettings settings, FollowerRangeFunnel funnel, String... seeds)
            throws InterruptedException {
        List<ProfileRef> refs = new ArrayList<>();
        for (String s : seeds) {
            refs.add(ProfileRef.mastodon(s, "fika.example"));
        }
        CrawlEngine engine = new CrawlEngine(List.of(client), frontier, stored::add, funnel, settings, recorder,
                Clock.systemUTC());
        return engine.run(refs, VEGAN);
    }

    private static ProfileRef fika(String user) {
        return ProfileRef.mastodon(user, "fika.example");
    }

    private Frontier.EntryState state(String user) {
        return frontier.entry(fika(user)).orElseThrow().state();
    }

    @Test
    void crawlsSeedsAndTagAuthorsSpendingRequestsOnlyWhereTheFunnelWants() throws Exception {
        stubs.tag("vegan", List.of("ana", "bo"));
        String ana = stubs.account("ana", 5000, 40, List.of("vegan"), List.of("cleo", "zed"));
        stubs.account("bo", 200, 40, List.of("vegan"), List.of());
        String cleo = stubs.account("cleo", 3000, 10, List.of("running"), List.of("yan"));
        stubs.account("fol1", 50, 0, List.of(), List.of());
        stubs.followers(ana, List.of("fol1"));
        stubs.followers(cleo, List.of());
        stubs.following(ana, List.of("gus"));
        stubs.account("gus", 7000, 5, List.of("vegan"), List.of());

        CrawlReport report = crawl(FAST, new FollowerRangeFunnel(1000, 100_000, 5, true), "ana");

        assertThat(stored).as(frontier.entries() + " " + report.warnings()).extracting(ProfileSnapshot::id)
                .containsExactlyInAnyOrder("mastodon:ana@fika.example", "mastodon:cleo@fika.example",
                        "mastodon:gus@fika.example");
        assertThat(stored).filteredOn(s -> !s.id().equals("mastodon:gus@fika.example"))
                .allSatisfy(s -> assertThat(s.followerSample()).isPresent());
        assertThat(state("bo")).isEqualTo(Frontier.EntryState.SKIPPED);
        assertThat(reasons.get("mastodon:bo@fika.example")).isEqualTo("skipped: followers 200 outside 1000-100000");
        assertThat(state("fol1")).isEqualTo(Frontier.EntryState.SKIPPED);
        assertThat(state("zed")).isEqualTo(Frontier.EntryState.FAILED);
        assertThat(reasons.get("mastodon:zed@fika.example")).contains("no such account on fika.example");
        assertThat(frontier.entry(fika("yan"))).as("mentioned only in a non-niche post").isEmpty();
        assertThat(frontier.entry(fika("cleo")).orElseThrow().via()).isEqualTo("mention in mastodon:ana@fika.example");
        assertThat(frontier.entry(fika("gus")).orElseThrow().via()).isEqualTo("followed by mastodon:ana@fika.example");

        assertThat(report.snapshots()).isEqualTo(3);
        assertThat(report.followerSamples()).as("gus's follower list is unknown (404): stored without a sample")
                .isEqualTo(2);
        // ana: sample + following; cleo: sample + following (404); gus: sample (404) + followers (404) + following (404)
        assertThat(report.requestsByStage()).containsEntry(FunnelStage.DISCOVERY, 1L)
                .containsEntry(FunnelStage.LOOKUP, 6L).containsEntry(FunnelStage.POSTS, 3L)
                .containsEntry(FunnelStage.FOLLOWERS, 7L);
        assertThat(report.warnings()).hasSize(4).allSatisfy(w -> assertThat(w).contains(" not read: "));
        assertThat(report.totalRequests()).isEqualTo(fetcher.requests());
        assertThat(report.count(Frontier.EntryState.PENDING) + report.count(Frontier.EntryState.IN_FLIGHT)).isZero();
    }

    @Test
    void aMalformedResponseFailsThatProfileWithAClearReasonAndTheCrawlGoesOn() throws Exception {
        stubs.account("ana", 5000, 40, List.of("vegan"), List.of("bad"));
        String bad = stubs.account("bad", 5000, 40, List.of("vegan"), List.of());
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/" + bad + "/statuses"))
                .willReturn(okJson("[{\"id\": \"1\", \"created_at\": ")));
        stubs.account("fine", 5000, 40, List.of("vegan"), List.of());

        CrawlReport report = crawl(FAST, new FollowerRangeFunnel(1000, 100_000, 1000, false), "ana", "bad", "fine");

        assertThat(report.snapshots()).isEqualTo(2);
        assertThat(state("bad")).isEqualTo(Frontier.EntryState.FAILED);
        assertThat(reasons.get("mastodon:bad@fika.example"))
                .contains("mastodon mastodon:bad@fika.example: malformed JSON")
                .contains("/api/v1/accounts/" + bad + "/statuses?limit=40&exclude_reblogs=true");
    }

    @Test
    void discoveryStopsAtMaxProfiles() throws Exception {
        stubs.account("ana", 5000, 5, List.of("vegan"), List.of("b1", "b2", "b3", "b4"));
        for (String u : List.of("b1", "b2", "b3", "b4")) {
            stubs.account(u, 5000, 5, List.of("vegan"), List.of());
        }

        CrawlReport report = crawl(FAST.withMaxProfiles(3), new FollowerRangeFunnel(1000, 100_000, 1000, false), "ana");

        assertThat(frontier.entries()).hasSize(3);
        assertThat(report.snapshots()).isEqualTo(3);
    }

    @Test
    void discoveryStopsAtTheConfiguredDepth() throws Exception {
        stubs.account("d0", 5000, 5, List.of("vegan"), List.of("d1"));
        stubs.account("d1", 5000, 5, List.of("vegan"), List.of("d2"));
        stubs.account("d2", 5000, 5, List.of("vegan"), List.of("d3"));
        stubs.account("d3", 5000, 5, List.of("vegan"), List.of());

        crawl(FAST.withDiscoveryDepth(2), new FollowerRangeFunnel(1000, 100_000, 1000, false), "d0");

        assertThat(frontier.entries()).extracting(e -> e.ref().mastodonUser()).containsExactly("d0", "d1", "d2");
        assertThat(frontier.entry(fika("d2")).orElseThrow().depth()).isEqualTo(2);
    }

    @Test
    void aRetryableFailureIsRetriedAndThenSucceeds() throws Exception {
        String id = stubs.account("flaky", 5000, 5, List.of("vegan"), List.of());
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/" + id + "/statuses")).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/" + id + "/statuses")).inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(MastodonJson.page(500, 5, id, "flaky", List.of("vegan")))));

        CrawlReport report = crawl(FAST, new FollowerRangeFunnel(1000, 100_000, 1000, false), "flaky");

        assertThat(report.snapshots()).isEqualTo(1);
        assertThat(frontier.entry(fika("flaky")).orElseThrow().attempts()).isEqualTo(2);
        assertThat(state("flaky")).isEqualTo(Frontier.EntryState.DONE);
    }

    @Test
    void aMovedAccountIsSkippedAndItsNewAccountCrawled() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.port());
        client = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base),
                new MastodonInstance("greens.example", base)), d -> base);
        String moved = MastodonJson.account("7", "newcleo", 4000, "").replace("\"acct\":\"newcleo\"",
                "\"acct\":\"newcleo@greens.example\"");
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("oldcleo"))
                .willReturn(okJson(MastodonJson.account("6", "oldcleo", 10, "\"moved\":" + moved))));
        stubs.account("newcleo", 4000, 5, List.of("vegan"), List.of());

        crawl(FAST, new FollowerRangeFunnel(1000, 100_000, 1000, false), "oldcleo");

        assertThat(reasons.get("mastodon:oldcleo@fika.example")).isEqualTo("skipped: moved to newcleo@greens.example");
        assertThat(stored).extracting(ProfileSnapshot::id).containsExactly("mastodon:newcleo@greens.example");
    }

    @Test
    void mastodonSpendsTwoRequestsPerProfileWithFortyPosts() throws Exception {
        List<String> seeds = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            stubs.account("p" + i, 5000, 40, List.of("vegan"), List.of());
            seeds.add("p" + i);
        }

        CrawlReport report = crawl(FAST, new FollowerRangeFunnel(1000, 100_000, 1000, false),
                seeds.toArray(String[]::new));

        assertThat(report.snapshots()).isEqualTo(25);
        assertThat(stored).allSatisfy(s -> assertThat(s.posts()).hasSize(40));
        assertThat(report.requestsByStage()).as(reasons.toString()).containsEntry(FunnelStage.LOOKUP, 25L)
                .containsEntry(FunnelStage.POSTS, 25L);
        assertThat(report.profileRequestsPerScoredProfile()).isLessThanOrEqualTo(2.0);
        System.out.printf("BENCHMARK mastodon requests/profile with 40 posts: %.2f (with hashtag discovery %.2f)%n",
                report.profileRequestsPerScoredProfile(), report.requestsPerScoredProfile());
    }
}
