package dev.scout.crawler.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile bodies are refused; conditional GETs are answered from the cache; stats serialise to JSON. */
class BodyLimitsAndCacheTest {
    private final LoopbackServer server = new LoopbackServer();
    private final OkHttpFetcher fetcher = OkHttpFetcher.builder(LoopbackServer.settings().maxBodyBytes(10_000).build())
            .build();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void refusesABodyLargerThanTheCap() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/big")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[" + "0,".repeat(20_000) + "0]")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/big"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.TOO_LARGE);
            assertThat(f.attempts()).isEqualTo(1);
        });
    }

    @Test
    void cutsAGzipBombAtTheDecompressedCap() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed)) {
            gz.write(new byte[2_000_000]);
        }
        assertThat(compressed.size()).isLessThan(10_000);
        server.wm.stubFor(get(urlEqualTo("/bomb")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(compressed.toByteArray())));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/bomb"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.TOO_LARGE));
    }

    @Test
    void refusesHtmlWhenJsonWasAskedForAndJsonWhenHtmlWas() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/page")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>login wall</html>")));
        server.wm.stubFor(get(urlEqualTo("/api")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        FetchOutcome htmlForJson = fetcher.fetchAndWait(FetchRequest.json(server.url("/page"), "t"));
        FetchOutcome jsonForHtml = fetcher.fetchAndWait(FetchRequest.html(server.url("/api"), "t"));
        FetchOutcome htmlForHtml = fetcher.fetchAndWait(FetchRequest.html(server.url("/page"), "t"));

        assertThat(htmlForJson).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.WRONG_CONTENT_TYPE));
        assertThat(jsonForHtml).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.WRONG_CONTENT_TYPE));
        assertThat(htmlForHtml).isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void answersA304FromTheCacheWithTheEarlierBody() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/acct")).withHeader("If-None-Match", absent()).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withHeader("ETag", "\"v1\"")
                .withBody("{\"followers\":1200}")));
        server.wm.stubFor(get(urlEqualTo("/acct")).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304)));

        FetchOutcome first = fetcher.fetchAndWait(FetchRequest.json(server.url("/acct"), "t"));
        FetchOutcome second = fetcher.fetchAndWait(FetchRequest.json(server.url("/acct"), "t"));

        assertThat(first).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(second).isInstanceOfSatisfying(FetchOutcome.NotModified.class, n -> {
            assertThat(n.cached()).isSameAs(first);
            assertThat(n.cached().bodyText()).contains("1200");
        });
        assertThat(fetcher.cachedBytes()).isPositive();
    }

    @Test
    void statsSerialiseToJson() throws Exception {
        server.wm.stubFor(get(urlEqualTo("/x")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        fetcher.fetchAndWait(FetchRequest.json(server.url("/x"), "t"));

        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(fetcher.stats()));

        JsonNode host = json.path("hosts").path("127.0.0.1:" + server.port());
        assertThat(host.path("requests").asLong()).isEqualTo(2);
        assertThat(host.path("responsesByClass").path("2xx").asLong()).isEqualTo(1);
        assertThat(host.path("outcomes").path("Fetched").asLong()).isEqualTo(1);
        assertThat(host.has("waitMillis")).isTrue();
        assertThat(mapper.readValue(mapper.writeValueAsString(fetcher.stats()), FetchStats.class))
                .isEqualTo(fetcher.stats());
    }
}
