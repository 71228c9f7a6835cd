package dev.scout.crawler.http;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Pacing against the configured rate and against what the server says about its limits. */
class PacingTest {
    /**
     * WireMock logs arrival times in whole milliseconds, after loopback transfer and Jetty's thread hand-off, which on a
     * loaded 2-core machine vary by a few milliseconds per request. Far below any pacing mistake (the configured rates
     * here would otherwise put requests 5 ms apart).
     */
    static final long ARRIVAL_JITTER_MS = 15;

    private final LoopbackServer server = new LoopbackServer();
    private OkHttpFetcher fetcher;

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void neverExceedsTheConfiguredRateInAnyOneSecondWindow() {
        int rate = 40;
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().requestsPerSecond(rate).maxInFlightPerHost(4)
                .build()).build();
        server.wm.stubFor(get(urlPathMatching("/p/.*")).willReturn(json("{}")));

        List<CompletableFuture<FetchOutcome>> all = IntStream.range(0, 60)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/p/" + i), "t"))).toList();
        all.forEach(CompletableFuture::join);

        List<Long> times = server.pageRequests().stream().map(r -> r.getLoggedDate().getTime()).toList();
        assertThat(times).hasSize(60);
        for (int i = 0; i + rate < times.size(); i++) {
            // rate+1 requests must span at least one second, i.e. no window of 1 s holds more than `rate`.
            assertThat(times.get(i + rate) - times.get(i)).as("window starting at request %d", i)
                    .isGreaterThanOrEqualTo(1000 - ARRIVAL_JITTER_MS);
        }
        assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchOutcome.Fetched.class));
    }

    @Test
    void pausesWhenXRateLimitRemainingIsZeroUntilTheIsoReset() {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().maxInFlightPerHost(1).build()).build();
        Instant reset = Instant.now().plusMillis(700);
        String iso = DateTimeFormatter.ISO_INSTANT.format(reset.truncatedTo(ChronoUnit.MICROS));
        server.wm.stubFor(get(urlPathMatching("/q/.*")).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{}").withHeader("X-RateLimit-Limit", "2").withHeader("X-RateLimit-Remaining", "1")
                        .withHeader("X-RateLimit-Reset", iso)).willSetStateTo("spent"));
        server.wm.stubFor(get(urlPathMatching("/q/.*")).inScenario("quota").whenScenarioStateIs("spent")
                .willReturn(json("{}").withHeader("X-RateLimit-Limit", "2").withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", iso)).willSetStateTo("fresh"));
        server.wm.stubFor(get(urlPathMatching("/q/.*")).inScenario("quota").whenScenarioStateIs("fresh")
                .willReturn(json("{}")));

        List<CompletableFuture<FetchOutcome>> all = IntStream.range(0, 3)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/q/" + i), "t"))).toList();
        all.forEach(CompletableFuture::join);

        List<LoggedRequest> requests = server.pageRequests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(2).getLoggedDate().toInstant()).isAfterOrEqualTo(reset.minusMillis(ARRIVAL_JITTER_MS));
        assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchOutcome.Fetched.class));
    }

    @Test
    void pausesWhenRateLimitRemainingIsZeroUntilTheEpochReset() {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().maxInFlightPerHost(1).build()).build();
        long resetEpoch = Instant.now().getEpochSecond() + 1;
        server.wm.stubFor(get(urlPathMatching("/b/.*")).inScenario("bsky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{}").withHeader("RateLimit-Limit", "3000").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", String.valueOf(resetEpoch))
                        .withHeader("RateLimit-Policy", "3000;w=300")).willSetStateTo("fresh"));
        server.wm.stubFor(get(urlPathMatching("/b/.*")).inScenario("bsky").whenScenarioStateIs("fresh")
                .willReturn(json("{}")));

        List<CompletableFuture<FetchOutcome>> all = IntStream.range(0, 2)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/b/" + i), "t"))).toList();
        all.forEach(CompletableFuture::join);

        List<LoggedRequest> requests = server.pageRequests();
        assertThat(requests.get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(Instant.ofEpochSecond(resetEpoch).minusMillis(ARRIVAL_JITTER_MS));
        assertThat(all).allSatisfy(f -> assertThat(f.join()).isInstanceOf(FetchOutcome.Fetched.class));
    }

    @Test
    void pausesWhenRateLimitRemainingIsZeroForDeltaSecondsReset() {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().maxInFlightPerHost(1).build()).build();
        server.wm.stubFor(get(urlPathMatching("/d/.*")).inScenario("delta").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{}").withHeader("RateLimit-Limit", "10").withHeader("RateLimit-Remaining", "0")
                        .withHeader("RateLimit-Reset", "1")).willSetStateTo("fresh"));
        server.wm.stubFor(get(urlPathMatching("/d/.*")).inScenario("delta").whenScenarioStateIs("fresh")
                .willReturn(json("{}")));

        List<CompletableFuture<FetchOutcome>> all = IntStream.range(0, 2)
                .mapToObj(i -> fetcher.fetch(FetchRequest.json(server.url("/d/" + i), "t"))).toList();
        all.forEach(CompletableFuture::join);

        List<LoggedRequest> requests = server.pageRequests();
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(1000 - ARRIVAL_JITTER_MS);
    }

    @Test
    void waitsRetryAfterSecondsOn429AndNeverLosesTheRequest() throws Exception {
        // One attempt only: 429s must not consume the retry budget.
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().retry(new FetcherSettings.RetrySettings(1,
                java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(1)))
                .build()).build();
        server.wm.stubFor(get(urlEqualTo("/r")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.wm.stubFor(get(urlEqualTo("/r")).inScenario("429").whenScenarioStateIs("ok").willReturn(json("{}")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/r"), "t"));

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        List<LoggedRequest> requests = server.requestsTo("/r");
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(1000 - ARRIVAL_JITTER_MS);
        FetchStats.HostStats stats = fetcher.stats().hosts().get("127.0.0.1:" + server.port());
        assertThat(stats.tooManyRequests()).isEqualTo(1);
        assertThat(stats.waitMillis()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void waitsRetryAfterHttpDateOn429() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().build()).build();
        Instant until = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atOffset(ZoneOffset.UTC));
        server.wm.stubFor(get(urlEqualTo("/h")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", httpDate)).willSetStateTo("ok"));
        server.wm.stubFor(get(urlEqualTo("/h")).inScenario("429").whenScenarioStateIs("ok").willReturn(json("{}")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/h"), "t"));

        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        assertThat(server.requestsTo("/h").get(1).getLoggedDate().toInstant()).isAfterOrEqualTo(until.minusMillis(ARRIVAL_JITTER_MS));
    }

    @Test
    void givesUpAsRateLimitedOnlyOnceTheTotal429WaitPassesItsCap() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings()
                .rateLimitWaitCap(java.time.Duration.ofMillis(300)).build()).build();
        server.wm.stubFor(get(urlEqualTo("/never")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        FetchOutcome outcome = fetcher.fetchAndWait(FetchRequest.json(server.url("/never"), "t"));

        assertThat(outcome).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.RATE_LIMITED);
            assertThat(f.status()).hasValue(429);
            assertThat(f.cause()).contains("crawl.rateLimitWaitCap");
        });
        // The first 429's wait (capped at 300 ms) fits the budget; the second would not.
        assertThat(server.requestsTo("/never")).hasSize(2);
    }

    @Test
    void usageAtTheCeilingEndsTheNextRequestAtOnceWithTheTimeToComeBackInsteadOfHoldingItAnHour() throws Exception {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings()
                .rateLimitWaitCap(java.time.Duration.ofSeconds(5)).build()).build();
        server.wm.stubFor(get(urlEqualTo("/me")).willReturn(json("{}")
                .withHeader("X-App-Usage", "{\"call_count\":85,\"total_time\":25,\"total_cputime\":25}")));
        Instant before = Instant.now();

        assertThat(fetcher.fetchAndWait(FetchRequest.json(server.url("/me"), "t"))).isInstanceOf(FetchOutcome.Fetched.class);
        FetchOutcome next = fetcher.fetchAndWait(FetchRequest.json(server.url("/me"), "t"));

        assertThat(next).isInstanceOfSatisfying(FetchOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(FetchOutcome.FailureKind.RATE_LIMITED);
            assertThat(f.cause()).contains("crawl.rateLimitWaitCap", "ceiling");
            // 85% over the default 80% ceiling: our one call must leave the rolling hour first.
            assertThat(f.retryAt()).hasValueSatisfying(at -> assertThat(at).isAfter(before.plus(java.time.Duration.ofMinutes(59))));
        });
        assertThat(server.requestsTo("/me")).as("the second request was never sent").hasSize(1);
    }

    @Test
    void pausesTheWholeHostOn429NotJustTheRequest() {
        fetcher = OkHttpFetcher.builder(LoopbackServer.settings().maxInFlightPerHost(1).build()).build();
        server.wm.stubFor(get(urlEqualTo("/first")).atPriority(1).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .inScenario("s").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok"));
        server.wm.stubFor(get(urlPathMatching("/.*")).atPriority(9).willReturn(json("{}")));

        CompletableFuture<FetchOutcome> first = fetcher.fetch(FetchRequest.json(server.url("/first"), "t"));
        CompletableFuture<FetchOutcome> second = fetcher.fetch(FetchRequest.json(server.url("/second"), "t"));
        first.join();
        second.join();

        long t429 = server.requestsTo("/first").get(0).getLoggedDate().getTime();
        long tSecond = server.requestsTo("/second").get(0).getLoggedDate().getTime();
        assertThat(tSecond - t429).isGreaterThanOrEqualTo(1000 - ARRIVAL_JITTER_MS);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
