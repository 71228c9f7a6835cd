package dev.scout.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

import static dev.scout.app.export.ScoredProfileFixtures.RUN;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/CRM.md must describe exactly what the writers produce. */
class CrmDocsTest {

    private static final Path DOC = Path.of("..", "docs", "CRM.md");
    private static final String BEGIN = "<!-- columns:begin (generated from Columns.ALL; CrmDocsTest checks it) -->\n";
    private static final String END = "<!-- columns:end -->";

    @Test
    void columnTableMatchesTheColumnSpecs() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);

        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        assertThat(from).as("docs/CRM.md marker " + BEGIN.strip()).isNotNegative();
        assertThat(doc.substring(from + BEGIN.length(), to)).isEqualTo(CrmMappingTable.markdown());
    }

    @Test
    void everyJsonlFieldIsDocumented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        JsonNode line = new JsonlRecords().toJson(ScoredProfileFixtures.mastodon("ana", "cooking.example").build(), RUN);
        TreeSet<String> paths = new TreeSet<>();
        collect("", line, paths);

        assertThat(paths).allSatisfy(path -> assertThat(doc).as("docs/CRM.md documents " + path).contains("`" + path + "`"));
    }

    private static void collect(String prefix, JsonNode node, TreeSet<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                if (!prefix.isEmpty() || JsonlRecords.SECTIONS.contains(e.getKey())) {
                    out.add(path);
                }
                collect(path, e.getValue(), out);
            }
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isContainerNode()) {
            collect(prefix + "[]", node.get(0), out);
        }
    }
}
