package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.FetchStats;
import dev.scout.crawler.http.Fetcher;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonStubs;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Resuming after a crash, robots denials, and stopping on interrupt. */
class EngineLifecycleTest {
    private static final NicheTerms VEGAN = NicheTerms.of(List.of("vegan"), List.of());
    private static final FollowerRangeFunnel POSTS_ONLY = new FollowerRangeFunnel(1000, 100_000, 1000, false);
    private static final CrawlSettings FAST = CrawlSettings.defaults().withWorkers(2, 2).withRetries(2, Duration.ZERO);

    private WireMockServer server;
    private SimpleTestFetcher fetcher;
    private MastodonStubs stubs;
    private URI base;
    private final InMemoryFrontier frontier = new InMemoryFrontier();

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

    private CrawlEngine engine(Fetcher f) {
        return new CrawlEngine(List.of(new MastodonClient(f, List.of(new MastodonInstance("fika.example", base)))),
                frontier, s -> { }, POSTS_ONLY, FAST, CrawlListener.NONE, Clock.systemUTC());
    }

    @Test
    void aLeaseLeftByAKilledRunIsResumedOnceItExpires() throws Exception {
        stubs.account("ana", 5000, 5, List.of("vegan"), List.of());
        ProfileRef ana = ProfileRef.mastodon("ana", "fika.example");
        frontier.offer(List.of(new Frontier.Discovered(ana, 0, "seed")));
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        frontier.claim("killed-worker", 1, longAgo, Duration.ofMinutes(5));

        CrawlReport report = engine(fetcher).run(List.of(), VEGAN);

        assertThat(report.snapshots()).isEqualTo(1);
        assertThat(frontier.entry(ana).orElseThrow().state()).isEqualTo(Frontier.EntryState.DONE);
        assertThat(frontier.entry(ana).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aProfileRobotsTxtForbidsIsSkippedWithTheReason() throws Exception {
        stubs.account("ana", 5000, 5, List.of("vegan"), List.of());
        Fetcher robotsSayNo = new Fetcher() {
            @Override
            public CompletableFuture<FetchOutcome> fetch(FetchRequest request) {
                return CompletableFuture.completedFuture(new FetchOutcome.RobotsDenied(request.url(),
                        "Disallow: /api/ for *"));
            }

            @Override
            public FetchStats stats() {
                return new FetchStats(java.util.Map.of());
            }

            @Override
            public void close() {
            }
        };
        ProfileRef ana = ProfileRef.mastodon("ana", "fika.example");

        engine(robotsSayNo).run(List.of(ana), NicheTerms.of(List.of(), List.of()));

        var entry = frontier.entry(ana).orElseThrow();
        assertThat(entry.state()).isEqualTo(Frontier.EntryState.SKIPPED);
        assertThat(entry.reason()).startsWith("not crawlable: mastodon mastodon:ana@fika.example: robots.txt does not"
                + " allow it: Disallow: /api/ for *");
    }

    @Test
    void interruptingTheRunStopsTheWorkersAndLeavesWorkResumable() throws Exception {
        stubs.account("ana", 5000, 5, List.of("vegan"), List.of());
        server.setGlobalFixedDelay(5_000);
        CrawlEngine engine = engine(fetcher);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                engine.run(List.of(ProfileRef.mastodon("ana", "fika.example")), VEGAN);
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        }, "test-runner");
        runner.start();
        while (frontier.counts().getOrDefault(Frontier.EntryState.IN_FLIGHT, 0L) == 0L && runner.isAlive()) {
            Thread.onSpinWait();
        }

        runner.interrupt();
        runner.join(10_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(frontier.counts().get(Frontier.EntryState.DONE)).isZero();
    }
}
