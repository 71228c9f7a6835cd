package dev.scout.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.demo.DemoConfig;
import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.engine.Frontier;
import dev.scout.model.Platform;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.AccountKind;
import dev.scout.simnet.population.Niche;
import dev.scout.simnet.population.SimAccount;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scout who names profiles as seeds gets a verdict on each of them, also on those the funnel skips (below
 * {@code scoring.followers.min}) and those the platform does not know; profiles the crawl only discovered and
 * skipped stay out of the exports and are counted by reason in {@code crawl-stats.json}.
 */
class SeededProfilesGetARowTest {
    private static final Instant REFERENCE_TIME = Instant.parse("2026-11-20T00:00:00Z");
    private static final String UNKNOWN_HANDLE = "nobody-at-all.bsky.example";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everySeedHasARowAndSkippedDiscoveredProfilesAreOnlyCounted() throws Exception {
        SimConfig simConfig = SimConfig.builder().seed(7).size(600).referenceTime(REFERENCE_TIME).build();
        try (SimulatedNetwork sim = SimulatedNetwork.start(simConfig)) {
            List<SimAccount> bluesky = sim.population().on(Platform.BLUESKY).stream()
                    .filter(a -> a.flags().equals(dev.scout.simnet.population.Flags.ordinary()))
                    .sorted(Comparator.comparingInt(SimAccount::index)).toList();
            // Well-known niche creators, as the demo seeds: strong candidates, so the crawl expands from them.
            List<SimAccount> inRange = bluesky.stream().filter(a -> a.kind() == AccountKind.CREATOR)
                    .filter(a -> a.latent().primaryNiche().equals(Optional.of(Niche.demo())))
                    .filter(a -> sim.followersShown(a) >= 1_000 && sim.followersShown(a) <= 100_000)
                    .sorted(Comparator.comparingLong(SimAccount::followers).reversed()).limit(3).toList();
            List<SimAccount> below = bluesky.stream()
                    .filter(a -> sim.followersShown(a) > 0 && sim.followersShown(a) < 1_000).limit(3).toList();
            assertThat(inRange).hasSize(3);
            assertThat(below).hasSize(3);
            List<String> seeds = new ArrayList<>();
            inRange.forEach(a -> seeds.add("bluesky:" + a.handle()));
            below.forEach(a -> seeds.add("bluesky:" + a.handle()));
            seeds.add("bluesky:" + UNKNOWN_HANDLE);

            Path store = dir.resolve("scout.db");
            JobResult run = new ScoutJob(startingAt(REFERENCE_TIME.plus(Duration.ofHours(10))))
                    .run(config(sim, store, seeds), dir.resolve("out"), quiet());

            Map<String, CSVRecord> rows = csv(dir.resolve("out/candidates.csv"));
            for (SimAccount a : inRange) {
                assertThat(rows).as("in-range seed scored under its DID").containsKey("bluesky:" + a.did().orElseThrow());
            }
            for (SimAccount a : below) {
                CSVRecord row = rows.get("bluesky:" + a.handle());
                assertThat(row).as("seed below scoring.followers.min has a row: " + a.handle()).isNotNull();
                assertThat(row.get("flagged")).isEqualTo("false");
                assertThat(row.get("score")).isEqualTo("0.0");
                assertThat(row.get("followers")).as("unknown values are empty").isEmpty();
                assertThat(row.get("reasons")).startsWith("seeded profile, not scored: ")
                        .contains(String.format(java.util.Locale.ROOT, "%,d followers, below scoring.followers.min 1,000",
                                sim.followersShown(a)))
                        .contains("posts not fetched or analysed");
            }
            CSVRecord unknown = rows.get("bluesky:" + UNKNOWN_HANDLE);
            assertThat(unknown).as("a seed the platform does not know has a row").isNotNull();
            assertThat(unknown.get("flagged")).isEqualTo("false");
            assertThat(unknown.get("reasons")).startsWith("seeded profile, not scored: ");

            assertThat(rows).as("only scored profiles and the seeds without a snapshot")
                    .hasSize((int) run.scoredCount() + below.size() + 1);

            List<String> jsonlIds = Files.readAllLines(dir.resolve("out/candidates.jsonl")).stream()
                    .map(SeededProfilesGetARowTest::id).toList();
            assertThat(jsonlIds).containsAll(rows.keySet()).hasSameSizeAs(rows.keySet());
            String report = Files.readString(dir.resolve("out/report.html"));
            below.forEach(a -> assertThat(report).contains(a.handle()));
            assertThat(report).contains((below.size() + 1) + " seeded profiles could not be scored")
                    .contains("discovered profiles skipped (not in the exports)");

            JsonNode stats = new ObjectMapper().readTree(dir.resolve("out/crawl-stats.json").toFile());
            assertThat(stats.path("crawl").path("seedsNotScored").asLong()).isEqualTo(below.size() + 1);
            long skippedDiscovered = 0;
            for (var it = stats.path("crawl").path("skippedDiscoveredByReason").fields(); it.hasNext(); ) {
                skippedDiscovered += it.next().getValue().asLong();
            }
            assertThat(skippedDiscovered).as("the crawl met and skipped discovered profiles").isPositive();
            assertThat(skippedDiscovered).as("every skipped entry that is not a seed is counted")
                    .isEqualTo(run.crawl().count(Frontier.EntryState.SKIPPED) - below.size());
            System.out.printf("seeded rows: %d scored, %d seeds without a snapshot; %d discovered profiles skipped: %s%n"
                            + "  e.g. %s%n  and %s%n", run.scoredCount(), below.size() + 1, skippedDiscovered,
                    stats.path("crawl").path("skippedDiscoveredByReason"), rows.get("bluesky:" + below.get(0).handle()),
                    unknown);
        }
    }

    private static String id(String jsonLine) {
        try {
            JsonNode n = new ObjectMapper().readTree(jsonLine);
            return n.path("id").asText(n.path("account").path("id").asText());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + jsonLine, e);
        }
    }

    private static Map<String, CSVRecord> csv(Path file) throws java.io.IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        Map<String, CSVRecord> out = new HashMap<>();
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text))) {
            out.put(r.get("id"), r);
        }
        return out;
    }

    /** The demo config with the given seeds, one level of expansion and no hashtag discovery. */
    private static ScoutConfig config(SimulatedNetwork sim, Path store, List<String> seeds) throws InterruptedException {
        String list = seeds.stream().map(s -> "  - \"" + s + "\"").collect(Collectors.joining("\n"));
        String yaml = DemoConfig.yaml(sim, store)
                .replaceFirst("(?s)\nseeds:\n.*?\n\nplatforms:", java.util.regex.Matcher.quoteReplacement(
                        "\nseeds:\n" + list + "\n\nplatforms:"))
                .replace("  depth: 3\n", "  depth: 1\n")
                .replace("  hashtagPages: 10\n", "  hashtagPages: 0\n");
        assertThat(yaml).contains(UNKNOWN_HANDLE).contains("depth: 1").contains("hashtagPages: 0");
        return new ConfigLoader(name -> Optional.empty()).load(yaml, "seeded rows test config", store.getParent());
    }

    /** A clock that runs in real time from {@code start}: the engine's waits and leases still pass. */
    private static Clock startingAt(Instant start) {
        Clock system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    private static Console quiet() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Console(sink, sink, true, false);
    }
}
