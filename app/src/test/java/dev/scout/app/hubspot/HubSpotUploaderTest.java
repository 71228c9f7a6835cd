package dev.scout.app.hubspot;

import dev.scout.model.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.scout.app.export.RunInfo;
import dev.scout.app.export.ScoredProfileFixtures;
import dev.scout.scorer.ScoredProfile;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.scout.app.hubspot.HubSpotStubs.UPSERT;
import static dev.scout.app.hubspot.HubSpotStubs.json;
import static dev.scout.app.hubspot.HubSpotStubs.propertiesExist;
import static dev.scout.app.hubspot.HubSpotStubs.upsertBodies;
import static dev.scout.app.hubspot.HubSpotStubs.upsertedIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotUploaderTest {

    private static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final RecordingPause pause = new RecordingPause(clock);
    private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void closeHttp() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void upsertsInBatchesOfAtMostOneHundredKeyedByScoutId() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(json(200, "upsert-200.json")));

        UploadReport report = uploader(settings()).upload(run("r1"), profiles(0, 250));

        List<List<String>> batches = upsertedIds(wm);
        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(batches.get(2).get(49)).isEqualTo("mastodon:cook249@food.example");
        JsonNode input = upsertBodies(wm).get(0).path("inputs").get(0);
        assertThat(input.path("idProperty").asText()).isEqualTo("scout_id");
        assertThat(input.path("id").asText()).isEqualTo("mastodon:cook0@food.example");
        assertThat(input.at("/properties/scout_id").asText()).isEqualTo("mastodon:cook0@food.example");
        assertThat(input.at("/properties/scout_score").asText()).isEqualTo("87.5");
        assertThat(report.upserted()).isEqualTo(250);
        assertThat(report.failures()).isEmpty();
        assertThat(report.requests()).isEqualTo(2 + 3);
    }

    @Test
    void sendsTheBearerTokenButNeverPutsItInMessages() {
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(anyUrl()).willReturn(json(401, "401.json")));

        assertThatThrownBy(() -> uploader(settings()).upload(run("r1"), profiles(0, 3)))
                .isInstanceOfSatisfying(HubSpotException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubSpotException.Kind.AUTH);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.correlationId()).contains("0b3c9a1e-8d2f-4e3a-b1c7-5a6d9e0f1a2b");
                })
                .hasMessageContaining("HUBSPOT_TOKEN")
                .satisfies(e -> assertThat(e.toString() + e.getCause()).doesNotContain(TOKEN));
        wm.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo(HubSpotStubs.GROUP))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + TOKEN)));
        assertThat(settings().toString()).doesNotContain(TOKEN);
    }

    @Test
    void retriesAfterA429HonouringRetryAfter() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "429-ten-secondly.json").withHeader("Retry-After", "7")).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(json(200, "upsert-200.json")));

        UploadReport report = uploader(settings()).upload(run("r1"), profiles(0, 3));

        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(7));
        assertThat(report.rateLimited()).isEqualTo(1);
        assertThat(report.upserted()).isEqualTo(3);
        assertThat(upsertedIds(wm)).hasSize(2).allSatisfy(ids -> assertThat(ids).hasSize(3));
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheClock() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "429-ten-secondly.json").withHeader("Retry-After", "Fri, 20 Nov 2026 10:00:05 GMT"))
                .willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(json(200, "upsert-200.json")));

        uploader(settings()).upload(run("r1"), profiles(0, 1));

        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void givesUpAfterTooMany429sWithAClearMessage() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(json(429, "429-ten-secondly.json").withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> uploader(settings()).upload(run("r1"), profiles(0, 1)))
                .isInstanceOfSatisfying(HubSpotException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubSpotException.Kind.RATE_LIMITED);
                    assertThat(e.correlationId()).contains("c033cdaa-2c40-4a64-ae48-b4cec88dad24");
                })
                .hasMessageContaining("after 5 retries")
                .hasMessageContaining("ten_secondly_rolling");
        assertThat(pause.pauses()).hasSize(5);
    }

    @Test
    void unwritableProgressFileFailsBeforeAnyRequest() {
        HubSpotSettings settings = new HubSpotSettings(URI.create(wm.baseUrl()), HubSpotToken.of(TOKEN), 90, 100, 5, 3,
                Duration.ofSeconds(2), "scout", dir.resolve("missing").resolve("hubspot-progress.json"),
                CrmObject.CONTACTS);

        assertThatThrownBy(() -> uploader(settings).upload(run("r1"), profiles(0, 1)))
                .isInstanceOfSatisfying(HubSpotException.class,
                        e -> assertThat(e.kind()).isEqualTo(HubSpotException.Kind.PROGRESS_FILE))
                .hasMessageContaining("missing");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void waitsForTheNextTenSecondWindowWhen429HasNoRetryAfter() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "429-ten-secondly.json")).willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(json(200, "upsert-200.json")));

        uploader(settings()).upload(run("r1"), profiles(0, 3));

        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void dailyLimitStopsAtOnceAndKeepsProgress() throws Exception {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("daily").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "upsert-200.json")).willSetStateTo("spent"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("daily").whenScenarioStateIs("spent")
                .willReturn(json(429, "429-daily.json")));

        assertThatThrownBy(() -> uploader(settings().withBatchSize(2)).upload(run("r1"), profiles(0, 5)))
                .isInstanceOfSatisfying(HubSpotException.class,
                        e -> assertThat(e.kind()).isEqualTo(HubSpotException.Kind.RATE_LIMITED))
                .hasMessageContaining("daily")
                .hasMessageContaining("2 contacts of run r1 are recorded");
        assertThat(pause.pauses()).isEmpty();
        assertThat(Files.readString(dir.resolve("hubspot-progress.json"))).contains("mastodon:cook1@food.example");
    }

    @Test
    void partialFailureReportsTheRecordAndRetriesItOnce() throws Exception {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("207").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(207, "upsert-207.json")).willSetStateTo("retry"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("207").whenScenarioStateIs("retry")
                .willReturn(json(207, "upsert-207-retry.json")));

        UploadReport report = uploader(settings()).upload(run("r1"), profiles(0, 3));

        assertThat(upsertedIds(wm)).containsExactly(
                List.of("mastodon:cook0@food.example", "mastodon:cook1@food.example", "mastodon:cook2@food.example"),
                List.of("mastodon:cook1@food.example"));
        assertThat(report.upserted()).isEqualTo(2);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.scoutId()).isEqualTo("mastodon:cook1@food.example");
            assertThat(f.category()).isEqualTo("VALIDATION_ERROR");
            assertThat(f.message()).contains("scout_est_price_usd must be a number");
        });
        JsonNode progress = HubSpotStubs.parse(Files.readString(dir.resolve("hubspot-progress.json")));
        assertThat(progress.at("/runs/r1/done")).hasSize(2);
        assertThat(progress.at("/runs/r1/failed/mastodon:cook1@food.example/category").asText()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void wholeBatchRejectionIsRetriedOneRecordAtATime() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("400").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"error\",\"message\":\"Invalid input JSON\",\"category\":\"VALIDATION_ERROR\"}"))
                .willSetStateTo("ok"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("400").whenScenarioStateIs("ok")
                .willReturn(json(200, "upsert-200.json")));

        UploadReport report = uploader(settings()).upload(run("r1"), profiles(0, 3));

        assertThat(upsertedIds(wm)).extracting(List::size).containsExactly(3, 1, 1, 1);
        assertThat(report.upserted()).isEqualTo(3);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void outageMidRunKeepsProgressAndTheNextRunResumesWhereItStopped() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "upsert-200.json")).willSetStateTo("down"));
        wm.stubFor(post(urlEqualTo(UPSERT)).inScenario("outage").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503).withBody(HubSpotStubs.resource("503.html"))));
        HubSpotSettings settings = settings().withBatchSize(2);

        assertThatThrownBy(() -> uploader(settings).upload(run("r1"), profiles(0, 6)))
                .isInstanceOfSatisfying(HubSpotException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HubSpotException.Kind.UNAVAILABLE);
                    assertThat(e.status()).isEqualTo(503);
                })
                .hasMessageContaining("the same command resumes");
        assertThat(upsertedIds(wm)).hasSize(1 + 4);
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));

        wm.resetAll();
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(json(200, "upsert-200.json")));
        UploadReport resumed = uploader(settings).upload(run("r1"), profiles(0, 6));

        assertThat(upsertedIds(wm)).containsExactly(
                List.of("mastodon:cook2@food.example", "mastodon:cook3@food.example"),
                List.of("mastodon:cook4@food.example", "mastodon:cook5@food.example"));
        assertThat(resumed.alreadyPushed()).isEqualTo(2);
        assertThat(resumed.upserted()).isEqualTo(4);
    }

    @Test
    void pushingTwiceUpsertsTheSameIdsAndNeverCreates() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(json(200, "upsert-200.json")));

        uploader(settings()).upload(run("r1"), profiles(0, 3));
        UploadReport sameRun = uploader(settings()).upload(run("r1"), profiles(0, 3));
        uploader(settings()).upload(run("r2"), profiles(0, 3));

        List<JsonNode> bodies = upsertBodies(wm);
        assertThat(bodies).hasSize(2);
        assertThat(upsertedIds(wm).get(0)).isEqualTo(upsertedIds(wm).get(1));
        for (JsonNode body : bodies) {
            body.path("inputs").forEach(input -> {
                assertThat(input.path("idProperty").asText()).isEqualTo("scout_id");
                assertThat(input.path("id").asText()).isEqualTo(input.at("/properties/scout_id").asText());
            });
        }
        assertThat(sameRun.alreadyPushed()).isEqualTo(3);
        assertThat(sameRun.upserted()).isZero();
        wm.verify(0, postRequestedFor(urlMatching("/crm/v3/objects/contacts(/batch/create)?")));
    }

    @Test
    void pacesRequestsUnderTheRollingTenSecondLimit() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(json(200, "upsert-200.json")));

        uploader(settings().withRequestsPerTenSeconds(3).withBatchSize(1)).upload(run("r1"), profiles(0, 6));

        // 8 requests (2 property checks + 6 upserts), 3 per rolling 10 s: sent at t = 0,0,0,10,10,10,20,20.
        assertThat(pause.pauses()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(upsertedIds(wm)).hasSize(6);
    }

    @Test
    void duplicateProfilesInTheInputAreSentOnce() {
        propertiesExist(wm);
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(json(200, "upsert-200.json")));
        ScoredProfile one = ScoredProfileFixtures.mastodon("cook0", "food.example").build();

        uploader(settings()).upload(run("r1"), List.of(one, one).iterator());

        assertThat(upsertedIds(wm)).containsExactly(List.of("mastodon:cook0@food.example"));
    }

    private HubSpotSettings settings() {
        return HubSpotSettings.defaults(HubSpotToken.of(TOKEN), dir).withBaseUrl(URI.create(wm.baseUrl()));
    }

    private HubSpotUploader uploader(HubSpotSettings settings) {
        return new HubSpotUploader(new HubSpotClient(http, settings, clock, pause), settings, clock);
    }

    private static RunInfo run(String id) {
        return new RunInfo(id, Instant.parse("2026-11-20T09:00:00Z"), "score-1.0", "cfg");
    }

    private static java.util.Iterator<ScoredProfile> profiles(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> ScoredProfileFixtures.mastodon("cook" + i, "food.example").build()).iterator();
    }
}
