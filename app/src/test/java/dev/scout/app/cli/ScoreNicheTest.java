package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.ScoutCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout score --input} has no default niche: it asks for {@code --niche} or a config. */
class ScoreNicheTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = ScoutCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path example() throws IOException {
        Path input = dir.resolve("profiles.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/input/example.jsonl")) {
            Files.copy(in, input);
        }
        return input;
    }

    @Test
    void withoutConfigOrNicheItIsAUsageErrorThatSaysWhatToPass() throws IOException {
        int code = run("score", "--input", example().toString(), "--out", dir.resolve("out").toString());

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--niche").contains("config").contains("no default");
        assertThat(dir.resolve("out").resolve("candidates.csv")).doesNotExist();
    }

    @Test
    void aShippedNicheByIdScoresTheFile() throws IOException {
        int code = run("score", "--input", example().toString(), "--niche", "running", "--out", dir.resolve("out").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(dir.resolve("out").resolve("candidates.csv")).exists();
    }

    @Test
    void anUnknownNicheIsAUsageErrorListingTheShippedOnes() throws IOException {
        int code = run("score", "--input", example().toString(), "--niche", "underwater-basket-weaving");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("underwater-basket-weaving").contains("plant-based-cooking");
    }
}
