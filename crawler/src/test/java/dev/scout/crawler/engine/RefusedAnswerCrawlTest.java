package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.OkHttpFetcher;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body refused by the size cap is a permanent answer (issue 12, item 10): the same request gets the same body, so
 * it fails at once instead of being retried after 30 s and 60 s.
 */
class RefusedAnswerCrawlTest {
    private WireMockServer server;
    private URI base;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        server.stubFor(get(urlPathEqualTo("/robots.txt")).willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1\",\"note\":\"" + "x".repeat(50_000)
                        + "\"}")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBodyOverTheSizeCapFailsForGoodWithoutARetry() throws Exception {
        ProfileRef ana = ProfileRef.mastodon("ana", "fika.example");
        InMemoryFrontier frontier = new InMemoryFrontier();
        FetcherSettings settings = FetcherSettings.builder().allowPrivateAddresses(true).requestsPerSecond(100)
                .maxBodyBytes(10_000).build();
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(settings).build()) {
            MastodonClient client = new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)));
            // Default crawl settings: retries would wait 30 s and 60 s, past this test's timeout.
            new CrawlEngine(List.of(client), frontier, s -> { }, new FollowerRangeFunnel(1000, 100_000, 1000, false),
                    CrawlSettings.defaults().withDiscoveryDepth(0), CrawlListener.NONE, Clock.systemUTC())
                    .run(List.of(ana), NicheTerms.of(List.of("vegan"), List.of()));
        }

        var entry = frontier.entry(ana).orElseThrow();
        assertThat(entry.state()).isEqualTo(Frontier.EntryState.FAILED);
        assertThat(entry.reason()).contains("TOO_LARGE");
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/lookup")));
    }
}
