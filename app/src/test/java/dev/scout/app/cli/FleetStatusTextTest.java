package dev.scout.app.cli;

import dev.scout.store.postgres.fleet.HostLeases.HostLeaseRow;
import dev.scout.store.postgres.fleet.LearnedLimit;
import dev.scout.store.postgres.fleet.WorkerRegistry.WorkerRow;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout status} on a fleet: who works, who went silent, which hosts each holds. */
class FleetStatusTextTest {
    private static final Instant NOW = Instant.parse("2026-12-04T18:30:00Z");

    @Test
    void showsEachWorkersStateAndTheHostsItHoldsAndWhoHeldAnExpiredLease() {
        List<WorkerRow> workers = List.of(
                new WorkerRow("db1-100", "db1", 100, NOW.minusSeconds(600), NOW.minusSeconds(2), true, Optional.empty()),
                new WorkerRow("db2-200", "db2", 200, NOW.minusSeconds(600), NOW.minusSeconds(300), true, Optional.empty()),
                new WorkerRow("db3-300", "db3", 300, NOW.minusSeconds(600), NOW.minusSeconds(1), false,
                        Optional.of(NOW.minusSeconds(1))));
        List<HostLeaseRow> leases = List.of(
                new HostLeaseRow("fika.example", Optional.of("db1-100"), 7, NOW.plusSeconds(20), 1, 120,
                        Optional.of(new LearnedLimit(0.5, NOW.minusSeconds(60)))),
                new HostLeaseRow("oat.example", Optional.of("db2-200"), 3, NOW.minusSeconds(270), 0, 40,
                        Optional.empty()),
                new HostLeaseRow("fern.example", Optional.empty(), 5, NOW.minusSeconds(5), 0, 9, Optional.empty()));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FleetStatusText.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), workers, leases, NOW,
                Duration.ofSeconds(30));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("Workers sharing this store: 3");
        assertThat(out).containsPattern("db1-100 +db1 +100 +crawling .* 1\\n");
        assertThat(out).containsPattern("db2-200 +db2 +200 +silent .* 0\\n");
        assertThat(out).containsPattern("db3-300 +db3 +300 +stopped ");
        assertThat(out).contains("Host leases: 3 hosts, 1 held now");
        assertThat(out).containsPattern("fika.example +db1-100 +7 .* 120 +1  0.50 req/s");
        assertThat(out).containsPattern("oat.example +\\(expired: db2-200\\)");
        assertThat(out).containsPattern("fern.example +\\(free\\)");
    }
}
