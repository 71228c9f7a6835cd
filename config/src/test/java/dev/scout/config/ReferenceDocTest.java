package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/CONFIG.md in step with the code: every key the example config sets is documented, and the documented
 * default is the value the example shows (which {@link ExampleConfigTest} proves equal to {@link Defaults}).
 */
class ReferenceDocTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|[^|]*\\| ([^|]*) \\|", Pattern.MULTILINE);
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyDocumentedDefaultMatchesTheExample() throws IOException {
        Map<String, String> documented = documentedDefaults();
        Map<String, JsonNode> example = new LinkedHashMap<>();
        leaves("", YAML.readTree(ExampleConfig.text()), example);
        example.keySet().removeIf(k -> k.startsWith("niche.") || k.equals("seeds") || k.startsWith("platforms.mastodon.instances"));

        assertThat(example).hasSizeGreaterThan(55);
        example.forEach((key, value) -> {
            assertThat(documented).as("docs/CONFIG.md has a row for %s", key).containsKey(key);
            Matcher m = FIRST_CODE.matcher(documented.get(key));
            assertThat(m.find()).as("default of %s is in backticks", key).isTrue();
            JsonNode doc = parse(m.group(1));
            if (value.isNumber()) {
                assertThat(doc.doubleValue()).as("documented default of %s", key).isEqualTo(value.doubleValue());
            } else {
                assertThat(doc).as("documented default of %s", key).isEqualTo(value);
            }
        });
    }

    private static JsonNode parse(String yamlScalar) {
        try {
            JsonNode n = YAML.readTree("v: " + yamlScalar);
            return n.get("v");
        } catch (IOException e) {
            throw new AssertionError("documented default is not YAML: " + yamlScalar, e);
        }
    }

    private static Map<String, String> documentedDefaults() throws IOException {
        String reference = Files.readString(Path.of("..", "docs", "CONFIG.md"), StandardCharsets.UTF_8);
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(reference);
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }

    private static void leaves(String prefix, JsonNode node, Map<String, JsonNode> out) {
        node.fields().forEachRemaining(e -> {
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !path.equals("scoring.pricing")) {
                leaves(path, e.getValue(), out);
            } else {
                out.put(path, e.getValue());
            }
        });
    }
}
