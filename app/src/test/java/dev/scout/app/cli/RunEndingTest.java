package dev.scout.app.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import dev.scout.store.SqliteStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a run ends is recorded and shown by {@code scout status}; a second run on a store in use is refused; a seed
 * the address guard refuses is named on the terminal.
 */
class RunEndingTest {

    @TempDir
    Path dir;

    private WireMockServer server;

    @BeforeEach
    void startServer() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(get("/robots.txt").willReturn(aResponse().withStatus(404)));
        server.stubFor(get(urlPathMatching("/api/v1/.*")).atPriority(10).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"Record not found\"}")));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void runThatEndsWithExit1IsShownAsFailedWithItsReasonNotAsRunning() throws IOException {
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/vegan")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]")));
        Path config = writeConfig(true, "");

        CliCapture run = CliCapture.run(() -> Main.run("run", "--config", config.toString(), "--quiet"));
        CliCapture status = CliCapture.run(() -> Main.run("status", "--store", dir.resolve("scout.db").toString()));

        assertThat(run.code()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(status.code()).isZero();
        assertThat(runLine(status.out(), 1)).contains("failed at").contains("no profile was crawled")
                .doesNotContain("running");
    }

    @Test
    void runWhoseProcessDiedIsShownAsNotFinishedAndNotAsRunning() {
        Path db = dir.resolve("scout.db");
        try (SqliteStore store = SqliteStore.open(db)) {
            store.startRun("cfg", "v");
        }

        CliCapture status = CliCapture.run(() -> Main.run("status", "--store", db.toString()));

        assertThat(runLine(status.out(), 1)).contains("did not finish").doesNotContain("running");
    }

    @Test
    void loopbackSeedRefusedByTheAddressGuardIsNamedWithHowToAllowIt() throws IOException {
        Path config = writeConfig(false, "seeds: [\"mastodon:ana@kitchen.example\"]\n");

        CliCapture run = CliCapture.run(() -> Main.run("run", "--config", config.toString(), "--quiet"));

        assertThat(run.code()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(run.err()).contains("address guard").contains("127.0.0.1:" + server.port())
                .contains("crawl.allowPrivateAddresses: true");
        assertThat(server.getAllServeEvents()).isEmpty();
        assertThat(Files.readString(dir.resolve("results/candidates.csv")))
                .as("the refused seed is listed, not flagged, with the reason")
                .contains("mastodon:ana@kitchen.example").contains(",false,\"seeded profile, not scored: not crawlable: ")
                .contains("refused by the address guard");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void secondRunOnAStoreInUseIsRefusedWithExit2AndReadersStillWork() throws Exception {
        stubKitchen();
        // The first run is slow on its hashtag page, so the second starts while the first holds the store.
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/vegan")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(fixture("tag_vegan.json"))
                .withFixedDelay(3_000)));
        Path config = writeConfig(true, "");
        Path db = dir.resolve("scout.db");

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(
                () -> Main.run("run", "--config", config.toString(), "--quiet"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (server.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.getAllServeEvents()).as("the first run has started crawling").isNotEmpty();

        CliCapture second = CliCapture.run(() -> Main.run("run", "--config", config.toString(), "--quiet"));
        CliCapture status = CliCapture.run(() -> Main.run("status", "--store", db.toString()));
        int firstCode = first.get(90, TimeUnit.SECONDS);

        assertThat(second.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).contains(db.toString()).contains("another scout run");
        assertThat(status.code()).isZero();
        assertThat(runLine(status.out(), 1)).contains("running now");
        assertThat(firstCode).isZero();
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/timelines/tag/vegan")));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("ana")));
        CliCapture after = CliCapture.run(() -> Main.run("status", "--store", db.toString()));
        assertThat(runLine(after.out(), 1)).contains("completed at");
        assertThat(after.out()).doesNotContain("run 2");
    }

    /** The line of run {@code id} in the output of {@code scout status}. */
    private static String runLine(String status, long id) {
        return status.lines().filter(l -> l.startsWith("  run " + id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for run " + id + " in:\n" + status));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void runStoppedBySigtermIsRecordedAsInterrupted() throws Exception {
        stubKitchen();
        server.stubFor(get(urlPathEqualTo("/api/v1/timelines/tag/vegan")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(fixture("tag_vegan.json"))
                .withFixedDelay(30_000)));
        Path config = writeConfig(true, "");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.scout.app.Main",
                "run", "--config", config.toString(), "--quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.getAllServeEvents().isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(server.getAllServeEvents()).as("the run has started crawling").isNotEmpty();
            child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        CliCapture status = CliCapture.run(() -> Main.run("status", "--store", dir.resolve("scout.db").toString()));

        assertThat(runLine(status.out(), 1)).contains("interrupted at").contains("signal");
    }

    private void stubKitchen() throws IOException {
        json(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("ana")), "lookup_ana.json");
        json(get(urlPathEqualTo("/api/v1/accounts/lookup")).withQueryParam("acct", equalTo("ben")), "lookup_ben.json");
        json(get(urlPathEqualTo("/api/v1/accounts/110000000000000001/statuses")), "statuses_ana.json");
        json(get(urlPathEqualTo("/api/v1/accounts/110000000000000002/statuses")), "statuses_ben.json");
        json(get(urlPathEqualTo("/api/v1/accounts/110000000000000001/followers")), "followers_ana.json");
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder request, String file) throws IOException {
        server.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(fixture(file))));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = RunEndingTest.class.getResourceAsStream("/run/mastodon/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path writeConfig(boolean allowPrivate, String extra) throws IOException {
        Path file = dir.resolve("scout.yaml");
        Files.writeString(file, """
                niche:
                  name: plant-based cooking
                  keywords: [vegan, plant-based, tofu, tempeh, lentils, chickpeas, dairy-free, oat milk]
                  hashtags: [vegan]
                platforms:
                  mastodon:
                    instances:
                      - url: http://127.0.0.1:%d
                        domain: kitchen.example
                        requestsPerSecond: 20
                crawl:
                  allowPrivateAddresses: %s
                discovery:
                  hashtagPages: 1
                store: %s
                output:
                  dir: %s
                %s""".formatted(server.port(), allowPrivate, dir.resolve("scout.db"), dir.resolve("results"), extra));
        return file;
    }
}
