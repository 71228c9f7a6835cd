package dev.scout.demo;

import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} at random points, then the same command again: the run continues where it stopped and the final
 * outputs equal those of an uninterrupted run. The crawl runs in a child JVM ({@code scout run}) against a simulated
 * network that lives in this test's JVM, so the server survives the kills.
 */
class CrashResumeRunTest {

    private static final Instant REFERENCE_TIME = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void killedRunsResumeToTheSameOutputsAsAnUninterruptedRun() throws Exception {
        SimConfig simConfig = SimConfig.builder().seed(11).size(400).referenceTime(REFERENCE_TIME).build();
        try (SimulatedNetwork sim = SimulatedNetwork.start(simConfig)) {
            Path clean = dir.resolve("clean");
            Files.createDirectories(clean);
            Path cleanConfig = writeConfig(sim, clean);
            assertThat(runToEnd(cleanConfig, clean.resolve("out"))).isZero();

            Path crashed = dir.resolve("crashed");
            Files.createDirectories(crashed);
            Path crashedConfig = writeConfig(sim, crashed);
            Random random = new Random(20261126);
            int killed = 0;
            for (int attempt = 0; attempt < 4; attempt++) {
                Process p = start(crashedConfig, crashed.resolve("out"));
                long delay = 1_500 + random.nextInt(3_000);
                if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor();
                    killed++;
                }
            }
            assertThat(killed).as("at least one run must have been killed mid-way").isPositive();
            assertThat(runToEnd(crashedConfig, crashed.resolve("out"))).isZero();

            Map<String, String> expected = verdicts(clean.resolve("out/candidates.csv"));
            Map<String, String> actual = verdicts(crashed.resolve("out/candidates.csv"));
            assertThat(actual).isNotEmpty().isEqualTo(expected);
        }
    }

    private static Path writeConfig(SimulatedNetwork sim, Path folder) throws IOException, InterruptedException {
        Path config = folder.resolve("scout.yaml");
        Files.writeString(config, DemoConfig.yaml(sim, folder.resolve("scout.db")), StandardCharsets.UTF_8);
        return config;
    }

    private static int runToEnd(Path config, Path out) throws Exception {
        Process p = start(config, out);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("scout run finished").isTrue();
        return p.exitValue();
    }

    private static Process start(Path config, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.scout.app.Main",
                "run", "--config", config.toString(), "--out", out.toString(), "--quiet");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File(out.getParent().toFile(), "child-" + System.nanoTime() + ".log"))
                .start();
    }

    /** id → the verdict columns that must not depend on when or in how many pieces the crawl ran. */
    private static Map<String, String> verdicts(Path csv) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (CSVRecord r : CsvRows.byId(csv).values()) {
            out.put(r.get("id"), String.join("|", r.get("followers"), r.get("posts_analyzed"), r.get("engagement_rate"),
                    r.get("niche_share"), r.get("sponsored_share"), r.get("score"), r.get("flagged"),
                    r.get("audience_real_pct")));
        }
        return out;
    }
}
