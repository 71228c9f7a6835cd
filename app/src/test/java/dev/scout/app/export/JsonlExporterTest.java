package dev.scout.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.scorer.ScoredProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static dev.scout.app.export.ScoredProfileFixtures.RUN;
import static dev.scout.app.export.ScoredProfileFixtures.mastodon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonlExporterTest {

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneObjectPerLineWithColumnsThenSections() throws IOException {
        List<JsonNode> lines = export(mastodon("ana", "cooking.example").build(), mastodon("ben", "x.example").build());

        assertThat(lines).hasSize(2);
        List<String> expected = new ArrayList<>(Columns.names());
        expected.addAll(JsonlRecords.SECTIONS);
        List<String> actual = new ArrayList<>();
        lines.get(0).fieldNames().forEachRemaining(actual::add);
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(lines.get(1).get("id").asText()).isEqualTo("mastodon:ben@x.example");
    }

    @Test
    void topLevelValuesAreTypedAndUnguarded() throws IOException {
        ScoredProfile p = mastodon("ana", "cooking.example").displayName("=1+1").followers(null)
                .rate(OptionalDouble.empty()).build();

        JsonNode line = export(p).get(0);

        assertThat(line.get("display_name").asText()).isEqualTo("=1+1");
        assertThat(line.get("followers").isNull()).isTrue();
        assertThat(line.get("engagement_rate").isNull()).isTrue();
        assertThat(line.get("score").isNumber()).isTrue();
        assertThat(line.get("score").asDouble()).isEqualTo(87.46);
        assertThat(line.get("flagged").isBoolean()).isTrue();
        assertThat(line.get("brands").isArray()).isTrue();
        assertThat(line.get("brands").get(1).asText()).isEqualTo("TofuWorks");
        assertThat(line.get("crawled_at").asText()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(line.get("run_id").asText()).isEqualTo(RUN.runId());
    }

    @Test
    void nestedEvidenceUsesSnakeCaseNames() throws IOException {
        JsonNode line = export(mastodon("ana", "cooking.example").build()).get(0);

        assertThat(line.at("/engagement/definition_id").asText()).isEqualTo("median_lrs_40p.followers");
        assertThat(line.at("/engagement/band_percentile").asDouble()).isEqualTo(93.0);
        assertThat(line.at("/engagement/rate").asDouble()).isEqualTo(0.0423);
        assertThat(line.at("/niche/top_niches/0/niche").asText()).isEqualTo("plant-based cooking");
        assertThat(line.at("/sponsorship/posts/0/post_id").asText()).isEqualTo("109");
        assertThat(line.at("/sponsorship/disclosed_clearly").asInt()).isEqualTo(1);
        assertThat(line.at("/authenticity/audience_real_pct").asDouble()).isEqualTo(91.25);
        assertThat(line.at("/cost/est_price_usd").asDouble()).isEqualTo(180.0);
        assertThat(line.at("/components/0/weight").asDouble()).isEqualTo(0.4);
        assertThat(line.at("/gates/1/passed").asBoolean()).isTrue();
        assertThat(line.at("/account/bio").asText()).isEqualTo("Vegan recipes and tofu tips");
        assertThat(line.at("/account/created_at").asText()).isEqualTo("2021-03-04T00:00:00Z");
    }

    @Test
    void newlinesAndControlCharactersInTextStayInsideOneLine() throws IOException {
        String bio = "a\nb\r\nc\u2028d\0e \"q\" 🌱";
        List<JsonNode> lines = export(mastodon("ana", "cooking.example").bio(bio).build());

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).at("/account/bio").asText()).isEqualTo(bio);
    }

    @Test
    void exportingNothingIsAnErrorAndLeavesNoFile() {
        Path out = dir.resolve("c.jsonl");

        assertThatThrownBy(() -> ExportJob.run(new JsonlExporter(), out, RUN, List.<ScoredProfile>of().iterator()))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportException.Kind.NOTHING_TO_EXPORT));
        assertThat(dir).isEmptyDirectory();
    }

    private List<JsonNode> export(ScoredProfile... profiles) throws IOException {
        Path out = dir.resolve("candidates.jsonl");
        ExportJob.run(new JsonlExporter(), out, RUN, List.of(profiles).iterator());
        List<JsonNode> nodes = new ArrayList<>();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                nodes.add(json.readTree(line));
            }
        }
        return nodes;
    }
}
