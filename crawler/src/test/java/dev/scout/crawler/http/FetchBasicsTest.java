package dev.scout.crawler.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class FetchBasicsTest {
    private final LoopbackServer server = new LoopbackServer();
    private final OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void fetchesJsonWithUserAgentAndAccept() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/api/v1/accounts/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody("{\"id\":\"1\"}")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/api/v1/accounts/1"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Fetched.class, f -> {
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.bodyText()).isEqualTo("{\"id\":\"1\"}");
            assertThat(f.url()).isEqualTo(server.url("/api/v1/accounts/1"));
        });
        server.wm.verify(getRequestedFor(urlEqualTo("/api/v1/accounts/1"))
                .withHeader("User-Agent", com.github.tomakehurst.wiremock.client.WireMock.matching("Scout/.*"))
                .withHeader("Accept", com.github.tomakehurst.wiremock.client.WireMock.equalTo("application/json")));
    }

    @Test
    void acceptsStructuredJsonTypes() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/actor")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/activity+json").withBody("{}")));

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/actor"), "t")))
                .isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void reportsNotFoundAndGoneAsGone() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)));
        server.wm.stubFor(get(urlEqualTo("/deleted")).willReturn(aResponse().withStatus(410)));

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/missing"), "t")))
                .isEqualTo(new FetchOutcome.Gone(server.url("/missing"), 404));
        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/deleted"), "t")))
                .isEqualTo(new FetchOutcome.Gone(server.url("/deleted"), 410));
    }

    @Test
    void keepsTheBodyOfOtherClientErrorsWithoutRetrying() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/quota")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"reason\":\"quotaExceeded\"}")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/quota"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.bodyText()).contains("quotaExceeded");
        });
        assertThat(server.requestsTo("/quota")).hasSize(1);
    }

    @Test
    void countsRequestsAndOutcomesPerHost() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[1,2,3]".getBytes(StandardCharsets.UTF_8))));

        fetcher.fetchAndWait(FetchRequest.json(server.url("/a"), "t"));
        fetcher.fetchAndWait(FetchRequest.json(server.url("/a"), "t"));

        FetchStats.HostStats host = fetcher.stats().hosts().get("127.0.0.1:" + server.port());
        assertThat(host.requests()).isEqualTo(3); // robots.txt once, then two pages
        assertThat(host.responsesByClass()).containsEntry("2xx", 2L).containsEntry("4xx", 1L);
        assertThat(host.outcomes()).containsEntry("Fetched", 2L);
        assertThat(host.bytes()).isEqualTo(14);
    }

    @Test
    void refusesNonHttpUrls() throws Exception {
        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(java.net.URI.create("ftp://files.example/x"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.INVALID_URL));
    }
}
