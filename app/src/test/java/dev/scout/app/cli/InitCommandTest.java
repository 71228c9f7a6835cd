package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.ScoutCommand;
import dev.scout.app.pipeline.ScorerSettingsCheck;
import dev.scout.config.ExampleConfig;
import dev.scout.config.ScoutConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout init} writes the example whose defaults DefaultsAgreeEverywhereTest checks, and it loads as written. */
class InitCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = ScoutCommand.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesTheCheckedExampleWhichPassesEveryRuleIncludingTheScorers() throws IOException {
        Path file = dir.resolve("scout.yaml");

        assertThat(run("init", file.toString())).isEqualTo(ExitCodes.OK);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ExampleConfig.text());
        ScoutConfig c = ScorerSettingsCheck.loader(name -> Optional.empty()).load(file);
        assertThat(c.discovery().hashtagPages()).isEqualTo(10);
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path file = dir.resolve("scout.yaml");
        Files.writeString(file, "mine");

        assertThat(run("init", file.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(err.toString()).contains("already exists").contains("--force");
    }
}
