package dev.scout.app.hubspot;

import dev.scout.model.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.scout.app.export.RunInfo;
import dev.scout.app.export.ScoredProfileFixtures;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.scout.app.hubspot.HubSpotStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code hubspot.objectType} and {@code hubspot.idProperty}: pushing into a custom object keyed by another property. */
class HubSpotCustomObjectTest {

    private static final CrmObject CREATORS = new CrmObject("2-1234567", "creator_key");
    private static final String PROPERTIES = "/crm/v3/properties/2-1234567";
    private static final String UPSERT = "/crm/v3/objects/2-1234567/batch/upsert";

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    private final OkHttpClient http = new OkHttpClient();

    @AfterEach
    void closeHttp() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void createsEveryMappedPropertyOnACustomObjectAndUpsertsByTheConfiguredIdProperty() {
        wm.stubFor(get(urlEqualTo(PROPERTIES + "/groups/scout")).willReturn(json(404, "group-404.json")));
        wm.stubFor(post(urlEqualTo(PROPERTIES + "/groups")).willReturn(json(201, "group-created.json")));
        wm.stubFor(get(urlEqualTo(PROPERTIES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"results\":[]}")));
        wm.stubFor(post(urlEqualTo(PROPERTIES)).willReturn(json(201, "property-created.json")));
        wm.stubFor(post(urlEqualTo(UPSERT)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"COMPLETE\",\"results\":["
                        + "{\"id\":\"9\",\"new\":true,\"properties\":{\"creator_key\":\"mastodon:ana@food.example\"}}]}")));

        UploadReport report = uploader().upload(new RunInfo("r1", Instant.parse("2026-11-20T09:00:00Z"), "v", "cfg"),
                List.of(ScoredProfileFixtures.mastodon("ana", "food.example").build()).iterator());

        Map<String, JsonNode> created = wm.findAll(postRequestedFor(urlEqualTo(PROPERTIES))).stream()
                .map(LoggedRequest::getBodyAsString).map(HubSpotStubs::parse)
                .collect(Collectors.toMap(n -> n.path("name").asText(), Function.identity()));
        // A custom object has none of a contact's standard properties, so Scout creates them too.
        assertThat(created).containsKeys("firstname", "email", "website", "scout_score", "creator_key")
                .doesNotContainKey("scout_id");
        assertThat(created.values()).filteredOn(n -> n.path("hasUniqueValue").asBoolean())
                .extracting(n -> n.path("name").asText()).containsExactly("creator_key");
        JsonNode input = HubSpotStubs.parse(wm.findAll(postRequestedFor(urlEqualTo(UPSERT))).get(0).getBodyAsString())
                .path("inputs").get(0);
        assertThat(input.path("idProperty").asText()).isEqualTo("creator_key");
        assertThat(input.at("/properties/creator_key").asText()).isEqualTo("mastodon:ana@food.example");
        assertThat(input.path("properties").has("scout_id")).isFalse();
        assertThat(report.upserted()).isEqualTo(1);
        assertThat(report.noun()).isEqualTo("2-1234567 records");
    }

    @Test
    void refusesANonUniqueIdPropertyNamingTheObjectAndTheConfigKey() {
        wm.stubFor(get(urlEqualTo(PROPERTIES + "/groups/scout")).willReturn(json(200, "group-scout.json")));
        wm.stubFor(get(urlEqualTo(PROPERTIES)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"results\":[{\"name\":\"creator_key\",\"hasUniqueValue\":false}]}")));

        assertThatThrownBy(() -> new HubSpotClient(http, settings(), clock, new RecordingPause(clock)).ensureProperties())
                .isInstanceOf(HubSpotException.class)
                .hasMessageContaining("2-1234567 property creator_key exists but is not unique-valued")
                .hasMessageContaining("hubspot.idProperty");
        wm.verify(0, postRequestedFor(urlEqualTo(PROPERTIES)));
    }

    @Test
    void rejectsAnObjectTypeOrIdPropertyHubSpotWouldNotAccept() {
        assertThatThrownBy(() -> new CrmObject("Contacts/../x", "scout_id"))
                .hasMessageContaining("hubspot.objectType").hasMessageContaining("2-1234567");
        assertThatThrownBy(() -> new CrmObject("contacts", "Scout-ID"))
                .hasMessageContaining("hubspot.idProperty").hasMessageContaining("lower-case");
    }

    private HubSpotSettings settings() {
        return HubSpotSettings.defaults(HubSpotToken.of("pat-test"), dir).withBaseUrl(URI.create(wm.baseUrl()))
                .withTarget(CREATORS);
    }

    private HubSpotUploader uploader() {
        HubSpotSettings settings = settings();
        return new HubSpotUploader(new HubSpotClient(http, settings, clock, new RecordingPause(clock)), settings, clock);
    }
}
