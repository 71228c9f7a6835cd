package dev.scout.demo.bench;

import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.store.SqliteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleMeasurementTest {

    @Test
    void gcLogGivesHeapAfterEveryPauseInBytes() {
        List<GcLog.Collection> c = GcLog.parse(List.of(
                "[0.004s][info][gc] Using G1",
                "[0.274s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 13M->3M(256M) 3.154ms",
                "[1.350s][info][gc] GC(4) Pause Remark 10M->10M(40M) 2.525ms",
                "[13.779s][info][gc] GC(18) Pause Full (Heap Inspection Initiated GC) 57M->12M(47M) 396.072ms",
                "[20.1s][info][gc] GC(30) Pause Young (Normal) (G1 Evacuation Pause) 900K->512K(1G) 1.0ms"));

        assertThat(c).hasSize(4);
        assertThat(c.get(0)).isEqualTo(new GcLog.Collection(0.274, "Pause Young (Normal) (G1 Evacuation Pause)",
                3L << 20, 256L << 20));
        assertThat(c.get(2).full()).isTrue();
        assertThat(c.get(2).afterBytes()).isEqualTo(12L << 20);
        assertThat(c.get(3).afterBytes()).isEqualTo(512L << 10);
        assertThat(c.get(3).committedBytes()).isEqualTo(1L << 30);
    }

    @Test
    void histogramTotalIsTheLiveHeap() {
        String jcmd = """
                4739:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         46553        3812960  [B (java.base@17.0.15)
                   2:           386        1552664  [C (java.base@17.0.15)
                Total        225989       12421560
                """;
        HeapHistogram h = HeapHistogram.parse(jcmd);
        assertThat(h.liveBytes()).isEqualTo(12_421_560);
        assertThat(h.instances()).isEqualTo(225_989);
        assertThat(h.top(1)).endsWith("[B (java.base@17.0.15)");
        assertThatThrownBy(() -> HeapHistogram.parse("12: no such process")).isInstanceOf(BenchException.class)
                .hasMessageContaining("no 'Total' line");
    }

    @Test
    void simulatorAddressLineIsParsedAndABadOneNamed() {
        SimProcess.Addresses a = SimProcess.Addresses.parse("{\"mastodon\":[{\"domain\":\"fika.example\",\"url\":"
                + "\"http://127.0.0.1:1\"}],\"bluesky\":\"http://127.0.0.1:2\",\"web\":\"http://127.0.0.1:3\","
                + "\"accounts\":500,\"generationMillis\":42}");
        assertThat(a.mastodon()).containsExactly(new SimProcess.Addresses.Instance("fika.example", "http://127.0.0.1:1"));
        assertThat(a.accounts()).isEqualTo(500);
        assertThatThrownBy(() -> SimProcess.Addresses.parse("Exception in thread main"))
                .isInstanceOf(BenchException.class).hasMessageContaining("Exception in thread main");
    }

    @Test
    void theRunConfigPassesTheRealValidation(@TempDir Path dir) {
        SimProcess.Addresses sim = new SimProcess.Addresses(List.of(
                new SimProcess.Addresses.Instance("fika.example", "http://127.0.0.1:4001"),
                new SimProcess.Addresses.Instance("fern.example", "http://127.0.0.1:4002")),
                "http://127.0.0.1:4003", "http://127.0.0.1:4004", 100_000, 1);

        ScoutConfig c = new ConfigLoader(name -> Optional.empty())
                .load(ScaleSetup.yaml(sim, dir.resolve("scout.db").toAbsolutePath().toString(), 100_000), "scale.yaml", dir);

        assertThat(c.crawl().maxProfiles()).isEqualTo(100_000);
        assertThat(c.discovery().maxProfiles()).isEqualTo(100_000);
        assertThat(c.discovery().useDirectory()).isTrue();
        assertThat(c.platforms().mastodon().instances()).hasSize(2);
        assertThat(c.store().file()).contains(dir.resolve("scout.db").toAbsolutePath());
    }

    @Test
    void theFrontierIsFilledFromTheSeedsFileAndReadBackBesideIt(@TempDir Path dir) throws Exception {
        Path seeds = dir.resolve("seeds.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_500; i++) {
            text.append("mastodon:user").append(i).append("@fika.example\n");
        }
        text.append("bluesky:did:plc:abcdefghijklmnopqrstuvwx\n\nhttp://127.0.0.1:9/u/page\n");
        Files.writeString(seeds, text);
        Path store = dir.resolve("scout.db");

        assertThat(ScaleSetup.fillFrontier(SqliteStore.open(store), seeds)).isEqualTo(2_502);

        try (StoreProbe probe = StoreProbe.sqlite(store)) {
            StoreProbe.Frontier f = probe.frontier();
            assertThat(f.total()).isEqualTo(2_502);
            assertThat(f.get("pending")).isEqualTo(2_502);
            assertThat(f.finished()).isZero();
            assertThat(probe.rows("snapshots")).isZero();
            assertThatThrownBy(() -> probe.rows("x; DROP TABLE frontier")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
