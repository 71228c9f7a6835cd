package dev.scout.crawler.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** A token in a credential header reaches its own origin only, and never the stored response's key or a log line. */
class CredentialHeadersTest {
    private static final String TOKEN = "EAAB-secret-token";
    private static final Map<String, String> BEARER = Map.of("Authorization", "Bearer " + TOKEN);

    private final LoopbackServer server = new LoopbackServer();
    private final LoopbackServer elsewhere = new LoopbackServer();
    private final FakeResponseStore store = new FakeResponseStore();

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    @Test
    void theCredentialIsSentAndTheStoredResponseIsKeyedWithoutIt() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/v25.0/me?fields=x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"v1\"").withBody("{}")));
        FetchRequest request = FetchRequest.json(server.url("/v25.0/me?fields=x"), "instagram:linnea.bakes")
                .withCredentials(BEARER);

        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).responseStore(store).build()) {
            assertThat(fetcher.fetchAndWait(request)).isInstanceOf(FetchOutcome.Fetched.class);
        }

        server.wm.verify(getRequestedFor(urlEqualTo("/v25.0/me?fields=x"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(store.saved).isNotEmpty();
        assertThat(store.saved.keySet()).allSatisfy(key -> assertThat(key).doesNotContain(TOKEN));
        assertThat(request.toString()).contains("Authorization").doesNotContain(TOKEN);
    }

    @Test
    void aRedirectToAnotherOriginDropsTheCredential() throws Exception {
        elsewhere.wm.stubFor(get(urlEqualTo("/landing")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        server.wm.stubFor(get(urlEqualTo("/moved")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", elsewhere.url("/landing").toString())));

        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build()) {
            fetcher.fetchAndWait(FetchRequest.json(server.url("/moved"), "s").withCredentials(BEARER));
        }

        server.wm.verify(getRequestedFor(urlEqualTo("/moved")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        elsewhere.wm.verify(getRequestedFor(urlEqualTo("/landing")).withHeader("Authorization", absent()));
    }
}
