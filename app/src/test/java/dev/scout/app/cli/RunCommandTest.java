package dev.scout.app.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout run --config} against a Mastodon-compatible server (WireMock with saved documented-format responses). */
class RunCommandTest {

    @TempDir
    Path dir;

    private WireMockServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get("/robots.txt").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(fixture("robots.txt"))));
        json(get(urlPathEqualTo("/api/v1/timelines/tag/vegan")), "tag_vegan.json");
        json(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("ana")), "lookup_ana.json");
        json(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("ben")), "lookup_ben.json");
        json(get(urlPathEqualTo("/api/v1/accounts/110000000000000001/statuses")), "statuses_ana.json");
        json(get(urlPathEqualTo("/api/v1/accounts/110000000000000002/statuses")), "statuses_ben.json");
        json(get(urlPathEqualTo("/api/v1/accounts/110000000000000001/followers")), "followers_ana.json");
        server.stubFor(get(urlPathMatching("/api/v1/.*")).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Record not found\"}")));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void runsTheWholeJobAgainstAConfiguredInstanceAndWritesExplainedRows() throws IOException {
        Path config = writeConfig("""
                niche:
                  name: plant-based cooking
                  keywords: [vegan, plant-based, tofu, tempeh, lentils, chickpeas, dairy-free, oat milk]
                  hashtags: [vegan, plantbased, veganrecipes]
                platforms:
                  mastodon:
                    instances:
                      - url: http://127.0.0.1:%d
                        domain: kitchen.example
                        requestsPerSecond: 20
                crawl:
                  allowPrivateAddresses: true
                discovery:
                  hashtagPages: 1
                store: scout.db
                output:
                  dir: results
                """.formatted(server.port()));

        int code = Main.run("run", "--config", config.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.OK);
        Map<String, CSVRecord> rows = csvRows(dir.resolve("results/candidates.csv"));
        assertThat(rows).containsOnlyKeys("mastodon:ana@kitchen.example", "mastodon:ben@kitchen.example");
        CSVRecord ana = rows.get("mastodon:ana@kitchen.example");
        assertThat(ana.get("flagged")).isEqualTo("true");
        assertThat(ana.get("followers")).isEqualTo("4821");
        assertThat(ana.get("contact_email")).isEqualTo("ana@ana-kitchen.example");
        assertThat(ana.get("reasons")).contains("followers 4,821 within 1,000–100,000");
        CSVRecord ben = rows.get("mastodon:ben@kitchen.example");
        assertThat(ben.get("flagged")).isEqualTo("false");
        assertThat(ben.get("reasons")).contains("niche share 0.25");
        assertThat(dir.resolve("results/candidates.jsonl")).exists();
        assertThat(dir.resolve("results/report.html")).exists();
        assertThat(dir.resolve("results/crawl-stats.json")).content().contains("\"hosts\"");
        assertThat(server.getAllServeEvents()).allSatisfy(e ->
                assertThat(e.getRequest().getHeader("User-Agent")).startsWith("ScoutBot/"));
    }

    @Test
    void invalidConfigExitsWith2AndCrawlsNothing() throws IOException {
        Path config = writeConfig("""
                niche:
                  name: plant-based cooking
                  hashtags: [vegan]
                platforms:
                  mastodon:
                    instances:
                      - url: http://127.0.0.1:%d
                scoring:
                  followers: {min: -5, max: 100000}
                crawl:
                  postsPerProfil: 40
                """.formatted(server.port()));

        int code = Main.run("run", "--config", config.toString(), "--quiet");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void missingConfigFileIsAUsageError() {
        assertThat(Main.run("run", "--config", dir.resolve("nope.yaml").toString(), "--quiet")).isEqualTo(ExitCodes.USAGE);
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, String file) throws IOException {
        server.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "299")
                .withHeader("X-RateLimit-Reset", "2099-01-01T00:00:00.000000Z")
                .withBody(fixture(file))));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RunCommandTest.class.getResourceAsStream("/run/mastodon/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path writeConfig(String yaml) throws IOException {
        Path file = dir.resolve("scout.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    static Map<String, CSVRecord> csvRows(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            return records.stream().collect(Collectors.toMap(rec -> rec.get("id"), Function.identity()));
        }
    }
}
