package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import dev.scout.app.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code scout bench fleet}'s options are checked before anything starts, every problem named at once. */
class FleetArgumentsTest {

    @Test
    void defaultsMeasureOneTwoAndFourWorkersOnTwoHostsEach() {
        FleetArguments.Checked c = FleetArguments.check(List.of(1, 2, 4), 2, null, "4/2", null);

        assertThat(c.workers()).containsExactly(1, 2, 4);
        assertThat(c.maxHosts()).isEqualTo(2);
        assertThat(c.profiles()).isEqualTo(FleetArguments.DEFAULT_PROFILES);
        assertThat(c.limit()).isEqualTo(4);
        assertThat(c.window()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.store()).isEmpty();
    }

    @Test
    void everyWrongOptionIsNamedWithItsValueInOneMessage() {
        assertThatThrownBy(() -> FleetArguments.check(List.of(0, 4), 9, 3, "fast", "mysql://db.example/x"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("--workers must be whole numbers between 1 and 16 (got [0, 4])")
                .hasMessageContaining("--max-hosts must be between 1 and 8")
                .hasMessageContaining("--profiles must be between 8")
                .hasMessageContaining("--host-rate must be LIMIT/SECONDS")
                .hasMessageContaining("(got 'fast')")
                .hasMessageContaining("--store:");
    }

    @Test
    void aRepeatedWorkerCountIsRefused() {
        assertThatThrownBy(() -> FleetArguments.check(List.of(2, 2), 2, null, "4/2", null))
                .hasMessageContaining("--workers must not repeat a count (got [2, 2])");
    }

    @Test
    void aHostRateOfZeroOrWithoutWindowIsRefused() {
        for (String rate : List.of("0/2", "4", "4/0", "4/x", "/2")) {
            assertThatThrownBy(() -> FleetArguments.check(List.of(1), 2, null, rate, null))
                    .as(rate).hasMessageContaining("--host-rate must be LIMIT/SECONDS");
        }
    }

    @Test
    void aPostgresUrlIsKeptForTheWorkers() {
        FleetArguments.Checked c = FleetArguments.check(List.of(4, 1), 1, 800, "10/5",
                "postgresql://bench@db.example:5433/scout");

        assertThat(c.store()).contains("postgresql://bench@db.example:5433/scout");
        assertThat(c.workers()).containsExactly(4, 1);
        assertThat(c.options("256m", java.nio.file.Path.of("w"), true).killOne()).isTrue();
    }

    @Test
    void theCommandExitsWithTwoAndSaysWhatIsWrongBeforeStartingAnything() {
        CliCapture run = CliCapture.run(() -> Main.run("bench", "fleet", "--workers", "1,0", "--host-rate", "5"));

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--workers must be whole numbers").contains("--host-rate must be");
    }
}
