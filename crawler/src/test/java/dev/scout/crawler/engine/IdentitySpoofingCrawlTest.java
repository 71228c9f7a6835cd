package dev.scout.crawler.engine;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.mastodon.MastodonClient;
import dev.scout.crawler.platform.mastodon.MastodonInstance;
import dev.scout.crawler.testing.FollowerRangeFunnel;
import dev.scout.crawler.testing.MastodonJson;
import dev.scout.crawler.testing.SimpleTestFetcher;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression (issue 12, item 8): a Mastodon server that answers a lookup with another server's {@code acct} must not
 * get a row under that other server's id, nor steer requests there; the lookup is refused with the reason.
 */
class IdentitySpoofingCrawlTest {
    private static final CrawlSettings FAST = CrawlSettings.defaults().withWorkers(2, 2).withRetries(2, Duration.ZERO)
            .withDiscoveryDepth(0);

    private WireMockServer liar;
    private WireMockServer victimHost;
    private SimpleTestFetcher fetcher;
    private final InMemoryFrontier frontier = new InMemoryFrontier();
    private final List<ProfileSnapshot> stored = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        liar = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        victimHost = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        liar.start();
        victimHost.start();
        fetcher = new SimpleTestFetcher();
        liar.stubFor(get(urlPathEqualTo("/api/v1/accounts/7/statuses")).willReturn(okJson("[" + MastodonJson.status(
                "70001", "7", "victim", Instant.parse("2026-11-20T00:00:00Z"), 5, 1, 1, "vegan", List.of("vegan"))
                + "]")));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        liar.stop();
        victimHost.stop();
    }

    private void lookupOfAnaAnswers(String acct) {
        String account = MastodonJson.account("7", "victim", 5000, "").replace("\"acct\":\"victim\"",
                "\"acct\":\"" + acct + "\"");
        liar.stubFor(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("ana"))
                .willReturn(okJson(account)));
    }

    private void crawlAna() throws InterruptedException {
        MastodonClient client = new MastodonClient(fetcher, List.of(
                new MastodonInstance("fika.example", URI.create("http://127.0.0.1:" + liar.port())),
                new MastodonInstance("other.example", URI.create("http://127.0.0.1:" + victimHost.port()))));
        new CrawlEngine(List.of(client), frontier, stored::add, new FollowerRangeFunnel(1000, 100_000, 1000, false),
                FAST, CrawlListener.NONE, Clock.systemUTC())
                .run(List.of(ProfileRef.mastodon("ana", "fika.example")), NicheTerms.of(List.of(), List.of("vegan")));
    }

    @Test
    void aServerAnsweringWithAnotherServersAccountIsRefusedAndNothingIsFiledUnderThatId() throws Exception {
        lookupOfAnaAnswers("victim@other.example");

        crawlAna();

        assertThat(stored).isEmpty();
        assertThat(frontier.entries()).extracting(e -> e.ref().id()).containsExactly("mastodon:ana@fika.example");
        var ana = frontier.entry(ProfileRef.mastodon("ana", "fika.example")).orElseThrow();
        assertThat(ana.state()).isEqualTo(Frontier.EntryState.FAILED);
        assertThat(ana.reason()).contains("answered with the account victim@other.example, which is not an account"
                + " of fika.example; refused");
        victimHost.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anAccountOfTheServerItselfIsFiledUnderItsOwnId() throws Exception {
        lookupOfAnaAnswers("victim@fika.example");

        crawlAna();

        assertThat(stored).extracting(s -> s.account().id()).containsExactly("mastodon:victim@fika.example");
    }
}
