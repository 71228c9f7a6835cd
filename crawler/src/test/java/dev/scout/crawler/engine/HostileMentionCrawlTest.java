package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonStubs;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (issue 12, item 1): a post mentioning an account whose {@code acct} has an invalid host
 * ({@code x@127.0.0.1"><b>}) threw in {@code MastodonClient.hostKey} on a worker thread, left the entry in flight,
 * and the run never ended.
 */
class HostileMentionCrawlTest {
    private static final CrawlSettings FAST = CrawlSettings.defaults().withWorkers(2, 2)
            .withRetries(2, Duration.ZERO).withDiscoveryDepth(1);

    /** {@code x@127.0.0.1"><b>} as it appears inside a JSON string. */
    private static final String HOSTILE_ACCT_IN_JSON = "x@127.0.0.1\\\"><b>";

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private MastodonStubs stubs;
    private URI base;

    @BeforeEach
    void start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.port());
        fetcher = new SimpleTestFetcher();
        stubs = new MastodonStubs(server);
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.stop();
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aMentionWithAnInvalidHostIsIgnoredAndTheRunEnds() throws Exception {
        stubs.account("ana", 5000, 5, List.of("vegan"), List.of(HOSTILE_ACCT_IN_JSON, "ben"));
        stubs.account("ben", 5000, 5, List.of("vegan"), List.of());
        InMemoryFrontier frontier = new InMemoryFrontier();
        CrawlEngine engine = new CrawlEngine(
                List.of(new MastodonClient(fetcher, List.of(new MastodonInstance("fika.example", base)))),
                frontier, s -> { }, new FollowerRangeFunnel(1000, 100_000, 1000, false), FAST, CrawlListener.NONE,
                Clock.systemUTC());

        CrawlReport report = engine.run(List.of(ProfileRef.mastodon("ana", "fika.example")),
                NicheTerms.of(List.of("vegan"), List.of()));

        assertThat(report.count(Frontier.EntryState.IN_FLIGHT)).isZero();
        assertThat(report.snapshots()).as("ana and the valid mention ben").isEqualTo(2);
        assertThat(frontier.entries()).extracting(e -> e.ref().id())
                .containsExactlyInAnyOrder("mastodon:ana@fika.example", "mastodon:ben@fika.example");
    }
}
