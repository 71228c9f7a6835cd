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
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A slow host occupies at most {@code maxWorkersPerHost} workers; the others keep serving other hosts. */
class HostAwareCrawlTest {
    private WireMockServer slow;
    private WireMockServer fast;
    private SimpleTestFetcher fetcher;

    @BeforeEach
    void start() {
        slow = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        fast = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        slow.start();
        fast.start();
        fetcher = new SimpleTestFetcher();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        slow.stop();
        fast.stop();
    }

    @Test
    void aSlowHostCannotHoldEveryWorker() throws Exception {
        MastodonStubs slowStubs = new MastodonStubs(slow);
        MastodonStubs fastStubs = new MastodonStubs(fast);
        List<ProfileRef> seeds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            slowStubs.account("s" + i, 5000, 5, List.of("vegan"), List.of());
            seeds.add(ProfileRef.mastodon("s" + i, "slow.example"));
        }
        for (int i = 0; i < 6; i++) {
            fastStubs.account("f" + i, 5000, 5, List.of("vegan"), List.of());
            seeds.add(ProfileRef.mastodon("f" + i, "fast.example"));
        }
        slow.setGlobalFixedDelay(400);
        MastodonClient client = new MastodonClient(fetcher, List.of(
                new MastodonInstance("slow.example", URI.create("http://127.0.0.1:" + slow.port())),
                new MastodonInstance("fast.example", URI.create("http://127.0.0.1:" + fast.port()))));
        CrawlSettings oneWorkerPerHost = new CrawlSettings(40, 100, 0, 0, 0, 2, 1, Duration.ofMinutes(5), 2,
                Duration.ZERO);
        List<String> completed = new CopyOnWriteArrayList<>();
        CrawlListener order = new CrawlListener() {
            @Override
            public void completed(ProfileSnapshot snapshot) {
                completed.add(snapshot.account().ref().mastodonUser());
            }
        };
        CrawlEngine engine = new CrawlEngine(List.of(client), new InMemoryFrontier(), s -> { },
                new FollowerRangeFunnel(1000, 100_000, 1000, false), oneWorkerPerHost, order, Clock.systemUTC());

        CrawlReport report = engine.run(seeds, NicheTerms.of(List.of("vegan"), List.of()));

        assertThat(report.snapshots()).isEqualTo(8);
        assertThat(completed.get(7)).as("order " + completed).startsWith("s");
        assertThat(completed.subList(0, 7)).as("fast host served while the slow one was busy")
                .containsAll(List.of("f0", "f1", "f2", "f3", "f4", "f5"));
    }
}
