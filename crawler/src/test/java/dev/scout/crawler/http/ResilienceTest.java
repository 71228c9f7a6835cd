package dev.scout.crawler.http;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Retries, circuit breaking and failure reporting against a misbehaving loopback server. */
class ResilienceTest {
    private final LoopbackServer server = new LoopbackServer();
    private OkHttpFetcher fetcher;

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private OkHttpFetcher fetcher(FetcherSettingsBuilder settings) {
        fetcher = OkHttpFetcher.builder(settings.build()).random(new SplittableRandom(7)).build();
        return fetcher;
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
            "RANDOM_DATA_THEN_CLOSE"})
    void retriesEachFaultThenReportsAnIoFailure(Fault fault) throws Exception {
        fetcher(LoopbackServer.settings());
        server.wm.stubFor(get(urlEqualTo("/f")).willReturn(aResponse().withFault(fault)));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/f"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.IO);
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.cause()).isNotBlank();
        });
        assertThat(server.requestsTo("/f")).hasSize(4);
        assertThat(fetcher.stats().hosts().get("127.0.0.1:" + server.port()).retries()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK",
            "RANDOM_DATA_THEN_CLOSE"})
    void recoversWhenAFaultIsFollowedBySuccess(Fault fault) throws Exception {
        fetcher(LoopbackServer.settings());
        server.wm.stubFor(get(urlEqualTo("/f")).inScenario("f").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(fault)).willSetStateTo("ok"));
        server.wm.stubFor(get(urlEqualTo("/f")).inScenario("f").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/f"), "t"))).isInstanceOf(FetchOutcome.Fetched.class);
    }

    @Test
    void retriesOn503And500ThenSucceeds() throws Exception {
        fetcher(LoopbackServer.settings());
        server.wm.stubFor(get(urlEqualTo("/s")).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        server.wm.stubFor(get(urlEqualTo("/s")).inScenario("s").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        server.wm.stubFor(get(urlEqualTo("/s")).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/s"), "t"));

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        FetchStats.HostStats stats = fetcher.stats().hosts().get("127.0.0.1:" + server.port());
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.responsesByClass()).containsEntry("5xx", 2L);
    }

    @Test
    void reportsServerErrorWithStatusAfterTheLastAttempt() throws Exception {
        fetcher(LoopbackServer.settings());
        server.wm.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(502)));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/down"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.SERVER_ERROR);
            assertThat(f.status()).hasValue(502);
            assertThat(f.attempts()).isEqualTo(4);
        });
    }

    @Test
    void honoursRetryAfterOn503BeforeRetrying() throws Exception {
        fetcher(LoopbackServer.settings());
        server.wm.stubFor(get(urlEqualTo("/busy")).inScenario("b").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.wm.stubFor(get(urlEqualTo("/busy")).inScenario("b").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}")));

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/busy"), "t"))).isInstanceOf(FetchOutcome.Fetched.class);
        var requests = server.requestsTo("/busy");
        assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(1000 - PacingTest.ARRIVAL_JITTER_MS);
    }

    @Test
    void circuitOpensOnSustainedFailuresDefersWorkAndRecoversThroughHalfOpenProbes() {
        Duration openFor = Duration.ofMillis(400);
        fetcher(LoopbackServer.settings()
                .retry(new FetcherSettings.RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1)))
                .circuit(new FetcherSettings.CircuitSettings(50f, 4, openFor)));
        server.wm.stubFor(get(urlPathMatching("/c/.*")).willReturn(aResponse().withStatus(500)));

        // Sequential, so the circuit opens on the third failure (robots.txt counted one success) with no
        // request left in flight to become a half-open probe.
        List<FetchOutcome> failures = IntStream.range(0, 3)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/c/" + i), "t")).join()).toList();
        assertThat(failures).allSatisfy(o -> assertThat(o).isInstanceOf(FetchOutcome.Failed.class));
        long lastFailure = System.currentTimeMillis();
        server.wm.resetMappings();
        server.wm.stubFor(get(urlPathMatching("/c/.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        List<CompletableFuture<FetchOutcome>> deferred = IntStream.range(10, 13)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/c/" + i), "t"))).toList();

        assertThat(deferred).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchOutcome.Fetched.class));
        long firstDeferredArrival = server.requestsTo("/c/10").get(0).getLoggedDate().getTime();
        assertThat(firstDeferredArrival - lastFailure).isGreaterThanOrEqualTo(openFor.toMillis() - 50);
        assertThat(fetcher.stats().hosts().get("127.0.0.1:" + server.port()).circuitTransitions())
                .containsKeys("CLOSED_TO_OPEN", "OPEN_TO_HALF_OPEN", "HALF_OPEN_TO_CLOSED");
    }

    @Test
    void failsDeferredWorkAsCircuitOpenWhenTheHostStaysDownTooLong() {
        fetcher(LoopbackServer.settings()
                .retry(new FetcherSettings.RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(300)))
                .circuit(new FetcherSettings.CircuitSettings(50f, 2, Duration.ofSeconds(30))));
        server.wm.stubFor(get(urlPathMatching("/c/.*")).willReturn(aResponse().withStatus(500)));
        IntStream.range(0, 2).mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/c/" + i), "t")))
                .forEach(CompletableFuture::join);

        FetchOutcome waiting = fetcher.fetch(FetchRequest.json(server.url("/c/9"), "t")).join();

        assertThat(waiting).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.CIRCUIT_OPEN));
        assertThat(server.requestsTo("/c/9")).isEmpty();
    }

    @Test
    void slowLorisBodyEndsAtTheCallTimeout() throws Exception {
        fetcher(LoopbackServer.settings().callTimeout(Duration.ofMillis(300))
                .retry(new FetcherSettings.RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1))));
        server.wm.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[" + "1,".repeat(200) + "1]")
                .withChunkedDribbleDelay(20, 3000)));

        long start = System.nanoTime();
        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/slow"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class,
                f -> assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
