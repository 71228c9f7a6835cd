package dev.scout.simnet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.Platform;
import dev.scout.simnet.Http;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.SimAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProfilePagesTest {

    static final Pattern LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static SimulatedNetwork network;
    static ProfilePages pages;

    @BeforeAll
    static void start() {
        network = SimulatedNetwork.start(SimConfig.builder().seed(42).size(1_200)
                .referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build());
        pages = new ProfilePages(network.population(), MAPPER);
    }

    @AfterAll
    static void stop() {
        network.close();
        assertThat(network.internalErrors()).isZero();
    }

    static String page(SimAccount a) {
        Http.Reply r = Http.get(network.webBaseUrl() + "/u/" + a.username());
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    static SimAccount withStyle(PageStyle style) {
        return network.population().on(Platform.WEB).stream().filter(a -> pages.styleOf(a) == style).findFirst().orElseThrow();
    }

    static String jsonLd(String html) {
        Matcher m = LD.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void indexLinksEveryProfilePage() {
        String index = Http.get(network.webBaseUrl() + "/").body();
        network.population().on(Platform.WEB).forEach(a -> assertThat(index).contains("/u/" + a.username() + "\""));
        assertThat(Http.get(network.webBaseUrl() + "/u/nobody").status()).isEqualTo(404);
    }

    @Test
    void inlineProfilePageCarriesFollowersAsArrayAndPostsAsSingleObject() throws JsonProcessingException {
        SimAccount a = withStyle(PageStyle.JSON_LD);
        JsonNode root = MAPPER.readTree(jsonLd(page(a)));
        assertThat(root.get("@type").asText()).isEqualTo("ProfilePage");
        JsonNode person = root.get("mainEntity");
        assertThat(person.get("@type").asText()).isEqualTo("Person");
        assertThat(person.get("interactionStatistic").isArray()).isTrue();
        assertThat(person.get("interactionStatistic").get(0).get("interactionType").asText()).isEqualTo("https://schema.org/FollowAction");
        assertThat(person.get("interactionStatistic").get(0).get("userInteractionCount").asLong()).isEqualTo(a.followers());
        assertThat(person.get("agentInteractionStatistic").isObject()).isTrue();
        assertThat(person.get("agentInteractionStatistic").get("interactionType").asText()).isEqualTo("https://schema.org/WriteAction");
        JsonNode parts = root.get("hasPart");
        assertThat(parts.size()).isPositive();
        assertThat(parts.get(0).get("@type").asText()).isEqualTo("SocialMediaPosting");
        assertThat(parts.get(0).get("interactionStatistic").size()).isEqualTo(3);
    }

    @Test
    void graphPagesJoinProfileAndPersonById() throws JsonProcessingException {
        JsonNode root = MAPPER.readTree(jsonLd(page(withStyle(PageStyle.GRAPH))));
        JsonNode graph = root.get("@graph");
        List<String> types = new ArrayList<>();
        graph.forEach(n -> types.add(n.get("@type").asText()));
        assertThat(types).containsExactly("ProfilePage", "Person");
        assertThat(graph.get(0).get("mainEntity").get("@id").asText()).isEqualTo(graph.get(1).get("@id").asText());
    }

    @Test
    void oneTemplateShipsATrailingCommaThatStrictParsersReject() {
        String json = jsonLd(page(withStyle(PageStyle.TRAILING_COMMA)));
        assertThat(json).contains("},]");
        assertThatThrownBy(() -> MAPPER.readTree(json)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void openGraphOnlyPagesHaveCountsInTheDescription() {
        String html = page(withStyle(PageStyle.OPEN_GRAPH_ONLY));
        assertThat(html).doesNotContain("application/ld+json").contains("<meta property=\"og:type\" content=\"profile\">")
                .containsPattern("og:description\" content=\"[\\d,]+ Followers, [\\d,]+ Following, [\\d,]+ Posts");
    }

    @Test
    void optedOutPagesSayNoindex() {
        SimAccount a = network.population().on(Platform.WEB).stream().filter(x -> x.flags().noindex()).findFirst().orElseThrow();
        assertThat(page(a)).contains("<meta name=\"robots\" content=\"noindex\">");
    }

    @Test
    void hostileTextCannotBreakOutOfTheJsonLdBlock() {
        for (SimAccount a : network.population().on(Platform.WEB)) {
            String html = page(a);
            if (pages.styleOf(a) != PageStyle.OPEN_GRAPH_ONLY) {
                assertThat(jsonLd(html)).doesNotContain("</");
            }
            String outsideJson = LD.matcher(html).replaceAll("");
            assertThat(outsideJson).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
    }
}
