package dev.scout.app.hubspot;

import dev.scout.model.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.scout.app.hubspot.HubSpotStubs.GROUP;
import static dev.scout.app.hubspot.HubSpotStubs.GROUPS;
import static dev.scout.app.hubspot.HubSpotStubs.PROPERTIES;
import static dev.scout.app.hubspot.HubSpotStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotPropertiesTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final OkHttpClient http = new OkHttpClient();

    @org.junit.jupiter.api.AfterEach
    void closeHttp() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void createsTheGroupAndUniqueScoutIdPropertyOnFirstUse() {
        wm.stubFor(get(urlEqualTo(GROUP)).willReturn(json(404, "group-404.json")));
        wm.stubFor(post(urlEqualTo(GROUPS)).willReturn(json(201, "group-created.json")));
        wm.stubFor(get(urlEqualTo(PROPERTIES)).willReturn(json(200, "properties-standard.json")));
        wm.stubFor(post(urlEqualTo(PROPERTIES)).willReturn(json(201, "property-created.json")));

        HubSpotClient client = client();
        client.ensureProperties();
        client.ensureProperties();

        JsonNode group = HubSpotStubs.parse(wm.findAll(postRequestedFor(urlEqualTo(GROUPS))).get(0).getBodyAsString());
        assertThat(group.path("name").asText()).isEqualTo("scout");
        Map<String, JsonNode> created = wm.findAll(postRequestedFor(urlEqualTo(PROPERTIES))).stream()
                .map(LoggedRequest::getBodyAsString).map(HubSpotStubs::parse)
                .collect(Collectors.toMap(n -> n.path("name").asText(), Function.identity()));
        assertThat(created).hasSize(PropertyDefinitions.toCreate(CrmObject.CONTACTS).size()).doesNotContainKeys("firstname", "email", "website");
        JsonNode scoutId = created.get("scout_id");
        assertThat(scoutId.path("hasUniqueValue").asBoolean()).isTrue();
        assertThat(scoutId.path("groupName").asText()).isEqualTo("scout");
        assertThat(scoutId.path("type").asText()).isEqualTo("string");
        assertThat(created.get("scout_score").path("type").asText()).isEqualTo("number");
        assertThat(created.get("scout_flagged").path("fieldType").asText()).isEqualTo("booleancheckbox");
        assertThat(created.get("scout_flagged").path("options")).hasSize(2);
        assertThat(created.get("scout_crawled_at").path("type").asText()).isEqualTo("datetime");
        assertThat(created.values()).filteredOn(n -> n.path("hasUniqueValue").asBoolean()).hasSize(1);
        assertThat(wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlMatching(".*")))).hasSize(2);
    }

    @Test
    void createsNothingWhenEverythingExists() {
        HubSpotStubs.propertiesExist(wm);

        client().ensureProperties();

        wm.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void refusesAScoutIdPropertyThatIsNotUnique() {
        wm.stubFor(get(urlEqualTo(GROUP)).willReturn(json(200, "group-scout.json")));
        wm.stubFor(get(urlEqualTo(PROPERTIES)).willReturn(json(200, "properties-scout-id-not-unique.json")));

        assertThatThrownBy(() -> client().ensureProperties())
                .isInstanceOfSatisfying(HubSpotException.class,
                        e -> assertThat(e.kind()).isEqualTo(HubSpotException.Kind.REJECTED))
                .hasMessageContaining("scout_id exists but is not unique-valued");
        wm.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void missingTokenNamesTheVariableAndScopes() {
        assertThatThrownBy(() -> HubSpotToken.fromEnvironment(Map.of()))
                .isInstanceOfSatisfying(HubSpotException.class,
                        e -> assertThat(e.kind()).isEqualTo(HubSpotException.Kind.CONFIGURATION))
                .hasMessageContaining("HUBSPOT_TOKEN is not set")
                .hasMessageContaining("crm.objects.contacts.write");
    }

    @Test
    void invalidSettingsAreReportedTogether() {
        HubSpotToken token = HubSpotToken.of("pat-secret");
        assertThatThrownBy(() -> new HubSpotSettings(URI.create("ftp://x.example"), token, 0, 101, 1, 1,
                java.time.Duration.ofSeconds(1), "Scout!", dir.resolve("p.json"), CrmObject.CONTACTS))
                .hasMessageContaining("hubspot.baseUrl")
                .hasMessageContaining("hubspot.requestsPer10s: 0")
                .hasMessageContaining("HubSpot batch size: 101")
                .hasMessageContaining("HubSpot property group")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pat-secret"));
    }

    private HubSpotClient client() {
        HubSpotSettings settings = HubSpotSettings.defaults(HubSpotToken.of("pat-test"), dir)
                .withBaseUrl(URI.create(wm.baseUrl()));
        return new HubSpotClient(http, settings, clock, new RecordingPause(clock));
    }

}
