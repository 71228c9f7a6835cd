package dev.scout.crawler.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A later run (a new fetcher, its memory cache empty) revalidates what an earlier run fetched, through the
 * persistent tier of the response cache, and a 304 still hands back the body.
 */
class PersistentResponseTierTest {
    private static final String OWNER = "mastodon:ana@fika.example";

    private final LoopbackServer server = new LoopbackServer();
    private final FakeResponseStore store = new FakeResponseStore();

    @AfterEach
    void stop() {
        server.close();
    }

    private OkHttpFetcher newRun() {
        return OkHttpFetcher.builder(LoopbackServer.settings().build()).responseStore(store).build();
    }

    private void serveVersion1() {
        server.wm.stubFor(get(urlEqualTo("/acct")).withHeader("If-None-Match", absent()).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withHeader("ETag", "\"v1\"")
                .withHeader("Link", "<http://next.example/page2>; rel=\"next\"").withBody("{\"followers\":1200}")));
    }

    private FetchOutcome fetch(OkHttpFetcher fetcher) throws InterruptedException {
        return fetcher.fetchAndWait(FetchRequest.json(server.url("/acct"), OWNER));
    }

    @Test
    void keepsAResponseWithAnEtagForItsOwner() throws Exception {
        serveVersion1();
        try (OkHttpFetcher run1 = newRun()) {
            assertThat(fetch(run1)).isInstanceOf(FetchOutcome.Fetched.class);
        }

        assertThat(store.at(server.url("/acct"))).hasValueSatisfying(s -> {
            assertThat(s.owner()).isEqualTo(OWNER);
            assertThat(s.response().bodyText()).isEqualTo("{\"followers\":1200}");
            // Jetty marks the ETag of a gzipped answer ("v1--gzip") and understands the mark when it comes back.
            assertThat(s.response().header("ETag").orElseThrow()).contains("v1");
        });
    }

    @Test
    void aNewFetcherSendsTheStoredEtagAndTurnsA304IntoTheStoredBody() throws Exception {
        serveVersion1();
        try (OkHttpFetcher run1 = newRun()) {
            fetch(run1);
        }
        server.wm.stubFor(get(urlEqualTo("/acct")).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));

        FetchOutcome second;
        try (OkHttpFetcher run2 = newRun()) {
            second = fetch(run2);
            assertThat(run2.stats().hosts().get("127.0.0.1:" + server.port()).outcomes()).containsEntry("NotModified", 1L);
        }

        assertThat(server.requestsTo("/acct")).hasSize(2);
        assertThat(server.requestsTo("/acct").get(1).getHeader("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(second).isInstanceOfSatisfying(FetchOutcome.NotModified.class, n -> {
            assertThat(n.url()).isEqualTo(server.url("/acct"));
            assertThat(n.cached().bodyText()).isEqualTo("{\"followers\":1200}");
            assertThat(n.cached().header("Link")).contains("<http://next.example/page2>; rel=\"next\"");
        });
        assertThat(store.readerThreads).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("scout-fetch-store"));
    }

    @Test
    void aChangedBodyReplacesTheStoredOne() throws Exception {
        serveVersion1();
        try (OkHttpFetcher run1 = newRun()) {
            fetch(run1);
        }
        server.wm.stubFor(get(urlEqualTo("/acct")).withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withHeader("ETag", "\"v2\"")
                .withBody("{\"followers\":1300}")));

        FetchOutcome second;
        try (OkHttpFetcher run2 = newRun()) {
            second = fetch(run2);
        }

        assertThat(second).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                f -> assertThat(f.bodyText()).contains("1300"));
        assertThat(store.at(server.url("/acct"))).hasValueSatisfying(s -> {
            assertThat(s.response().bodyText()).contains("1300");
            assertThat(s.response().header("ETag").orElseThrow()).contains("v2");
        });
    }

    @Test
    void dropsTheStoredCopyWhenTheServerStopsSendingValidators() throws Exception {
        serveVersion1();
        try (OkHttpFetcher run1 = newRun()) {
            fetch(run1);
        }
        server.wm.stubFor(get(urlEqualTo("/acct")).withHeader("If-None-Match", equalTo("\"v1\"")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"followers\":1300}")));

        try (OkHttpFetcher run2 = newRun()) {
            assertThat(fetch(run2)).isInstanceOf(FetchOutcome.Fetched.class);
        }

        assertThat(store.saved).isEmpty();
    }

    @Test
    void anUnreadableStoreCostsOnlyTheConditionalRequest() throws Exception {
        serveVersion1();
        try (OkHttpFetcher run1 = newRun()) {
            fetch(run1);
        }
        store.failReads = true;

        try (OkHttpFetcher run2 = newRun()) {
            FetchOutcome second = fetch(run2);
            assertThat(second).isInstanceOfSatisfying(FetchOutcome.Fetched.class,
                    f -> assertThat(f.bodyText()).contains("1200"));
            assertThat(run2.stats().hosts().get(FetchFlow.RESPONSE_STORE).outcomes()).containsEntry("ReadFailed", 1L);
        }
        assertThat(server.requestsTo("/acct").get(1).getHeader("If-None-Match")).isNull();
    }

    @Test
    void aResponseWithoutValidatorsIsNotKept() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/plain")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        try (OkHttpFetcher run1 = newRun()) {
            run1.fetchAndWait(FetchRequest.json(server.url("/plain"), OWNER));
        }

        assertThat(store.saved).isEmpty();
    }
}
