package dev.scout.app;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CliExitCodesTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = ScoutCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpExitsZeroAndListsCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: scout").contains("micro-influencers");
    }

    @Test
    void versionExitsZero() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("scout ");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option").contains("--no-such-option");
    }
}
