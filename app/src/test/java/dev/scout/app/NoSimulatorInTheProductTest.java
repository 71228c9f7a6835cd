package dev.scout.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product alone (this module, without {@code demo}) has no simulator: its sources never name
 * {@code dev.scout.simnet}, and {@code scout demo} and {@code scout bench scale} say what is missing instead of
 * failing obscurely. The build enforces the same with maven-enforcer {@code bannedDependencies}.
 */
class NoSimulatorInTheProductTest {

    @Test
    void productionSourcesNeverNameTheSimulator() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            List<Path> naming = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains("dev.scout.simnet");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(naming).isEmpty();
        }
    }

    @Test
    void demoWithoutTheDemoModuleIsAUsageErrorThatSaysHowToBuildIt() {
        StringWriter err = new StringWriter();
        var cl = ScoutCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("demo", "--out", "target/no-demo")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no simulated network").contains("mvn -B -DskipTests package");
    }

    @Test
    void scaleBenchWithoutTheDemoModuleIsAUsageError() {
        StringWriter err = new StringWriter();
        var cl = ScoutCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("bench", "scale", "--dir", "target/no-scale")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no simulated network");
    }
}
