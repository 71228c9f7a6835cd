package dev.scout.demo.bench;

import dev.scout.store.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole scale benchmark on a small network: simulator JVM, filled frontier, {@code scout run} in a child JVM
 * with a 256 MiB heap, samples and the table. The heap is not judged at this size (the 100,000-profile figures are
 * in BENCHMARKS.md); this proves the machinery measures a real crawl.
 */
class ScaleBenchmarkSmokeTest {

    @Test
    void crawlsEverySimulatedAccountInAChildJvmAndSamplesItsHeap(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        ScaleResult r = new ScaleBenchmark(JavaCommand.current()).run(new ScaleBenchmark.Options(400, dir, "256m", 42, Optional.empty()), out);

        assertThat(r.exitCode()).as(buffer.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(r.frontier().total()).isEqualTo(400);
        assertThat(r.frontier().finished()).isEqualTo(400);
        assertThat(r.snapshotRows()).isPositive().isEqualTo(r.frontier().get("done"));
        assertThat(r.scoreRows()).isEqualTo(r.snapshotRows());
        assertThat(r.requests()).isGreaterThanOrEqualTo(r.snapshotRows());
        assertThat(r.samples()).isNotEmpty().allSatisfy(s -> assertThat(s.liveBytes()).isBetween(1L << 20, 256L << 20));
        // At this size the crawl may end before a later tenth is sampled; the labels only ever rise.
        assertThat(r.samples()).extracting(HeapSample::finished).isSorted();
        assertThat(r.maxAfterYoung()).isPositive();
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("store writes during the crawl");
        assertThat(dir.resolve("out").resolve("candidates.csv")).exists();
    }

    @Test
    void onPostgresqlScoutRunCrawlsEveryAccountAsAFleetWorker(@TempDir Path dir) throws Exception {
        String server = TestPostgres.require().admin().masked();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

        ScaleResult r;
        try (BenchPostgres pg = BenchPostgres.open(Optional.of(server))) {
            r = new ScaleBenchmark(JavaCommand.current()).run(new ScaleBenchmark.Options(400, dir, "256m", 42,
                    Optional.of(pg.freshDatabase("scout_scale_smoke"))), out);
            pg.drop("scout_scale_smoke");
        }

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(r.exitCode()).as(printed).isZero();
        assertThat(r.postgres()).isTrue();
        assertThat(r.frontier().total()).isEqualTo(400);
        assertThat(r.frontier().finished()).as(printed).isEqualTo(400);
        assertThat(r.snapshotRows()).isPositive().isEqualTo(r.frontier().get("done"));
        assertThat(r.scoreRows()).isEqualTo(r.snapshotRows());
        assertThat(r.storeBytes()).isPositive();
        assertThat(printed).contains("PostgreSQL store").contains("store database");
        assertThat(dir.resolve("out").resolve("candidates.csv")).exists();
    }
}
