package dev.scout.simnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.SeedParser;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimServerTest {

    @Test
    void optionsBuildTheConfigTheyName() {
        SimServer.SimServerOptions o = SimServer.SimServerOptions.parse(List.of("--seed", "7", "--size", "120_000",
                "--instances", "5", "--mastodon-rate", "600/5", "--bluesky-rate", "none",
                "--reference-time", "2026-11-20T00:00:00Z", "--seeds-file", "s.txt"));
        assertThat(o.config().seed()).isEqualTo(7);
        assertThat(o.config().size()).isEqualTo(120_000);
        assertThat(o.config().mastodonDomains()).containsExactly("fika.example", "fern.example", "oat.example",
                "inst4.example", "inst5.example");
        assertThat(o.config().mastodonRateLimit()).contains(new RateLimitPolicy(600, Duration.ofSeconds(5), true));
        assertThat(o.config().blueskyRateLimit()).isEmpty();
        assertThat(o.config().referenceTime()).contains(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(o.seedsFile()).contains(Path.of("s.txt"));
    }

    @Test
    void badOptionsNameTheOptionAndTheValue() {
        assertThatThrownBy(() -> SimServer.SimServerOptions.parse(List.of("--size", "lots")))
                .hasMessage("--size must be a whole number (got 'lots')");
        assertThatThrownBy(() -> SimServer.SimServerOptions.parse(List.of("--mastodon-rate", "5")))
                .hasMessage("--mastodon-rate must be LIMIT/SECONDS or none (got '5')");
        assertThatThrownBy(() -> SimServer.SimServerOptions.parse(List.of("--size")))
                .hasMessage("--size needs a value");
        assertThatThrownBy(() -> SimServer.SimServerOptions.parse(List.of("--size", "200000")))
                .hasMessageContaining("size: must be between 200 and 150000 (got 200000)");
    }

    @Test
    void describesTheHostsAndWritesEveryAccountAsAParsableSeed(@TempDir Path dir) throws Exception {
        try (SimulatedNetwork sim = SimulatedNetwork.start(DeterminismTest.config(3))) {
            JsonNode line = new ObjectMapper().readTree(SimServer.describe(sim, 12));
            assertThat(line.get("mastodon")).hasSize(3);
            assertThat(line.get("mastodon").get(0).get("url").asText()).isEqualTo(sim.mastodonInstances().get(0).baseUrl());
            assertThat(line.get("bluesky").asText()).isEqualTo(sim.blueskyBaseUrl());
            assertThat(line.get("web").asText()).isEqualTo(sim.webBaseUrl());
            assertThat(line.get("accounts").asInt()).isEqualTo(300);

            Path seeds = dir.resolve("seeds.txt");
            SimServer.writeSeeds(sim, seeds);
            List<String> lines = Files.readAllLines(seeds);
            assertThat(lines).hasSize(300);
            SeedParser parser = new SeedParser();
            for (int i = 0; i < lines.size(); i++) {
                assertThat(parser.parse(lines.get(i)).id())
                        .isEqualTo(sim.population().account(i).stableId(sim.webBaseUrl()));
            }
        }
    }

    @Test
    void servesUntilItsInputEnds() {
        long start = System.nanoTime();
        SimServer.waitForEndOfInput(new ByteArrayInputStream("anything\n".getBytes()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
