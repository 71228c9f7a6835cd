package dev.scout.demo.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole serve benchmark on a small generated store: generator, {@code scout serve} in a child JVM with a 256 MiB
 * heap, timed list requests, candidate pages, heap histogram, table. Latency is not judged here (wall time depends
 * on the machine; the 100,000-profile figures are in BENCHMARKS.md); this proves the machinery times real pages.
 */
class ServeBenchmarkSmokeTest {

    @Test
    void timesRealListAndCandidatePagesOfScoutServeInAChildJvmAndReusesItsStore(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        ServeBenchmark.Options options = new ServeBenchmark.Options(400, dir, "256m", 30, 5, 18);

        ServeResult r = new ServeBenchmark(JavaCommand.current()).run(options, out);

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(r.list().count()).as(printed).isEqualTo(30);
        assertThat(r.listByKind().values().stream().mapToInt(Latencies::count).sum()).isEqualTo(30);
        assertThat(r.list().percentileMillis(50)).isPositive();
        assertThat(r.candidatePages().count()).isPositive();
        assertThat(r.liveBytes()).isBetween(1L << 20, 256L << 20);
        assertThat(r.maxAfterGc()).isPositive();
        assertThat(printed).contains("generating 400 profiles").contains("list page, all").contains("candidate page");
        assertThat(Files.readString(dir.resolve("serve.log"))).contains("Scout review app on http://127.0.0.1:");

        new ServeBenchmark(JavaCommand.current()).run(options, out);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("reusing the generated store");
    }
}
