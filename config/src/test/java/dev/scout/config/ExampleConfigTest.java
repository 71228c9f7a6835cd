package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {

    @Test
    void theExampleIsValidWithAnEmptyEnvironment() {
        ScoutConfig c = Yaml.loader().load(ExampleConfig.text(), "scout-example.yaml", Path.of("/project"));

        assertThat(c.niche().name()).isEqualTo("plant-based cooking");
        assertThat(c.niche().hashtags())
                .containsExactly("vegan", "plantbased", "veganrecipes", "plantbasedrecipes", "veganfood", "meatfree");
        assertThat(c.niche().keywords()).contains("oat milk", "nutritional yeast", "meal prep").hasSize(13);
        assertThat(c.platforms().mastodon().instances()).singleElement()
                .satisfies(i -> assertThat(i.domain()).isEqualTo("mastodon.social"));
    }

    @Test
    void theExampleShowsTheDefaults() {
        ScoutConfig example = Yaml.loader().load(ExampleConfig.text(), "scout-example.yaml", Path.of("/project"));
        ScoutConfig minimal = Yaml.loader().load(Yaml.MINIMAL, "scout.yaml", Path.of("/project"));

        assertThat(example.crawl()).isEqualTo(minimal.crawl());
        assertThat(example.discovery()).isEqualTo(minimal.discovery());
        assertThat(example.scoring()).isEqualTo(minimal.scoring());
        assertThat(example.output()).isEqualTo(minimal.output());
        assertThat(example.store()).isEqualTo(minimal.store());
        assertThat(example.hubspot()).isEqualTo(minimal.hubspot());
        assertThat(example.platforms().bluesky()).isEqualTo(minimal.platforms().bluesky());
        assertThat(example.platforms().youtube()).isEqualTo(minimal.platforms().youtube());
        assertThat(example.platforms().instagram()).isEqualTo(minimal.platforms().instagram());
        assertThat(example.platforms().threads()).isEqualTo(minimal.platforms().threads());
        assertThat(example.platforms().web()).isEqualTo(minimal.platforms().web());
    }

    @Test
    void theExampleIsValidWithHubspotSwitchedOnAndATokenInTheEnvironment() {
        String text = ExampleConfig.text().replace("formats: [csv, jsonl, report]", "formats: [csv, hubspot]");

        ScoutConfig c = Yaml.loader(Map.of("HUBSPOT_TOKEN", "pat-x")).load(text, "scout.yaml");

        assertThat(c.hubspot().token()).isPresent();
    }

    /** docs/CONFIG.md documents every key the example shows. */
    @Test
    void theReferenceDocumentsEveryKeyOfTheExample() throws IOException {
        Path doc = Path.of("..", "docs", "CONFIG.md");
        String reference = Files.readString(doc, StandardCharsets.UTF_8);
        JsonNode tree = new YAMLMapper().readTree(ExampleConfig.text());
        List<String> keys = new ArrayList<>();
        collect("", tree, keys);
        keys.addAll(List.of("crawl.userAgent", "platforms.youtube.apiKey", "platforms.instagram.accessToken",
                "platforms.instagram.igUserId", "platforms.threads.accessToken", "hubspot.token", "scoring.pricing"));

        assertThat(keys).hasSizeGreaterThan(60)
                .allSatisfy(k -> assertThat(reference).as("docs/CONFIG.md mentions %s", k).contains("`" + k + "`"));
    }

    private static void collect(String prefix, JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (e.getValue().isObject()) {
                    collect(path, e.getValue(), out);
                } else if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isObject()) {
                    collect(path + "[]", e.getValue().get(0), out);
                } else {
                    out.add(path);
                }
            });
        }
    }
}
