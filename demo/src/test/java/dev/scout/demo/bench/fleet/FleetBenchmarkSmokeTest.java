package dev.scout.demo.bench.fleet;

import dev.scout.store.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scout bench fleet} end to end at a tiny size: real {@code scout worker} JVMs on the simulated hosts and a
 * real PostgreSQL (skipped with the reason when none can be started, failed under {@code CI=true}). Checks the
 * run's bookkeeping, not its timing.
 */
class FleetBenchmarkSmokeTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void oneAndTwoWorkersCrawlEveryProfileOnceWithinTheHostsLimits() throws Exception {
        String store = TestPostgres.require().admin().masked();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        boolean met = new FleetBenchmark().run(new FleetBenchmark.Settings(List.of(1, 2), 2, Optional.of(store), 16,
                20, Duration.ofSeconds(1), "256m", dir, false), out);

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(met).as(printed).isTrue();
        assertThat(printed).contains("every target met").contains("speed-up target not checked")
                .containsPattern("(?m)^1 +16 ").containsPattern("(?m)^2 +16 ");
        assertThat(dir.resolve("2-workers").resolve("scout.yaml")).exists();
        try (var logs = Files.list(dir.resolve("2-workers"))) {
            assertThat(logs.filter(p -> p.getFileName().toString().startsWith("worker-"))).hasSize(2);
        }
    }
}
