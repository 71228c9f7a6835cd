package dev.scout.simnet.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.Platform;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.http.SimRequest;
import dev.scout.simnet.http.SimResponse;
import dev.scout.simnet.population.GroundTruth;
import dev.scout.simnet.population.Niche;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.PopulationGenerator;
import dev.scout.simnet.population.SimAccount;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GraphApiTest {
    private static final Instant NOW = Instant.parse("2026-12-04T00:00:00Z");
    private static final List<String> DOMAINS = List.of("fika.example", "fern.example");
    private static final Population POPULATION = new PopulationGenerator(7, 400, NOW, DOMAINS, true).generate();
    private final ObjectMapper mapper = new ObjectMapper();

    private GraphApi api(int callsPerHour) {
        return new GraphApi(POPULATION, mapper, new LiveChanges(), callsPerHour, Clock.systemUTC());
    }

    private static SimRequest discovery(String username, String media, Map<String, String> headers) {
        String fields = "business_discovery.username(" + username + "){username,followers_count,media_count," + media
                + "{id,caption,like_count,comments_count,timestamp}}";
        return SimRequest.of("GET", URI.create("/v25.0/" + GraphApi.SCOUT_IG_USER_ID + "?fields="
                + URLEncoder.encode(fields, StandardCharsets.UTF_8)), "127.0.0.1", headers);
    }

    private static Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + GraphApi.DEMO_TOKEN);
    }

    private SimAccount professional() {
        return POPULATION.on(Platform.INSTAGRAM).stream().filter(a -> !a.flags().locked())
                .filter(a -> POPULATION.posts(a.index()).stream().filter(p -> p.isOriginal()).count() > 12)
                .findFirst().orElseThrow();
    }

    private JsonNode json(SimResponse r) throws Exception {
        return mapper.readTree(r.body());
    }

    @Test
    void instagramAccountsAreExtraAndLeaveTheOtherPlatformsAsTheyWere() {
        Population without = new PopulationGenerator(7, 400, NOW, DOMAINS).generate();
        assertThat(without.accounts()).hasSize(400);
        assertThat(POPULATION.accounts().subList(0, 400)).isEqualTo(without.accounts());
        assertThat(POPULATION.on(Platform.INSTAGRAM)).isNotEmpty();
        assertThat(GroundTruth.picks(POPULATION, Niche.demo())).anyMatch(a -> a.platform() == Platform.INSTAGRAM);
    }

    @Test
    void pagesMediaByCursorWithColonLessTimestampsAndReportsUsage() throws Exception {
        SimAccount a = professional();
        GraphApi api = api(200);

        SimResponse first = api.handle(discovery(a.username(), "media.limit(5)", bearer()));
        JsonNode media = json(first).path("business_discovery").path("media");
        String after = media.path("paging").path("cursors").path("after").asText();
        SimResponse second = api.handle(discovery(a.username(), "media.after(" + after + ").limit(5)", bearer()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(media.path("data")).hasSize(5);
        assertThat(media.path("data").get(0).path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        assertThat(media.path("paging").has("next")).isFalse();
        assertThat(json(second).path("business_discovery").path("media").path("data").get(0).path("id").asText())
                .isNotEqualTo(media.path("data").get(0).path("id").asText());
        assertThat(first.headers().get("X-App-Usage")).isEqualTo("{\"call_count\":1,\"total_time\":0,\"total_cputime\":0}");
        assertThat(second.headers().get("X-App-Usage")).startsWith("{\"call_count\":1");
        assertThat(api.stats().requestsPerProfile()).isEqualTo(2.0);
    }

    @Test
    void personalAndUnknownAccountsAnswer110With2207013() throws Exception {
        SimAccount personal = POPULATION.on(Platform.INSTAGRAM).stream().filter(a -> a.flags().locked()).findFirst()
                .orElseThrow();
        GraphApi api = api(200);

        for (String name : List.of(personal.username(), "nobody.at.all")) {
            SimResponse r = api.handle(discovery(name, "media.limit(5)", bearer()));
            assertThat(r.status()).isEqualTo(400);
            assertThat(json(r).path("error").path("code").asInt()).isEqualTo(110);
            assertThat(json(r).path("error").path("error_subcode").asInt()).isEqualTo(2207013);
        }
    }

    @Test
    void refusesTokensInUrlsAndCallsWithoutTheBearerHeader() {
        GraphApi api = api(200);
        SimResponse inUrl = api.handle(SimRequest.of("GET", URI.create("/v25.0/" + GraphApi.SCOUT_IG_USER_ID
                + "?fields=id&access_token=" + GraphApi.DEMO_TOKEN), "127.0.0.1", Map.of()));
        SimResponse anonymous = api.handle(discovery(professional().username(), "media.limit(5)", Map.of()));

        assertThat(inUrl.status()).isEqualTo(400);
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(api.stats().tokenInUrl()).isEqualTo(1);
        assertThat(api.stats().unauthenticated()).isEqualTo(1);
    }

    @Test
    void pastTheHourlyBudgetEveryCallGetsCode4AndIsCounted() throws Exception {
        GraphApi api = api(3);
        String name = professional().username();
        for (int i = 0; i < 3; i++) {
            assertThat(api.handle(discovery(name, "media.limit(1)", bearer())).status()).isEqualTo(200);
        }
        SimResponse over = api.handle(discovery(name, "media.limit(1)", bearer()));

        assertThat(json(over).path("error").path("code").asInt()).isEqualTo(4);
        assertThat(over.headers().get("X-App-Usage")).startsWith("{\"call_count\":100");
        assertThat(api.stats().overLimit()).isEqualTo(1);
        assertThat(api.stats().highestUsagePct()).isEqualTo(100);
    }
}
