package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scout score --input}: hostile lines are reported with their number and skipped; the rest is scored. */
class ScoreInputFaultsTest {

    @TempDir
    Path dir;

    @Test
    void deeplyNestedAndInvalidUtf8LinesAreSkippedWithTheirLineNumberAndABomIsAccepted() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.write("{\"id\":\"mastodon:ana@kitchen.example\",\"followers\":5000}\n".getBytes(StandardCharsets.UTF_8));
        file.write(("{\"id\":\"mastodon:deep@kitchen.example\",\"bio\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}\n")
                .getBytes(StandardCharsets.UTF_8));
        file.write("{\"id\":\"mastodon:bad@kitchen.example\",\"bio\":\"caf".getBytes(StandardCharsets.UTF_8));
        file.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        file.write("\"}\n".getBytes(StandardCharsets.UTF_8));
        file.write("{\"id\":\"mastodon:ben@kitchen.example\",\"bio\":\"café\"}\n".getBytes(StandardCharsets.UTF_8));
        Path input = dir.resolve("profiles.jsonl");
        Files.write(input, file.toByteArray());

        CliCapture score = CliCapture.run(() -> Main.run("score", "--input", input.toString(), "--niche", "plant-based-cooking",
                "--out", dir.resolve("out").toString()));

        assertThat(score.code()).isEqualTo(ExitCodes.OK);
        assertThat(score.out()).contains("Scored 2 profiles").contains("2 bad lines skipped");
        assertThat(score.err()).contains("line 2: ").contains("nest").contains("line 3: ").contains("UTF-8")
                .doesNotContain("line 1:").doesNotContain("line 4:").doesNotContain("unexpected error");
        assertThat(Files.readString(dir.resolve("out/candidates.csv")))
                .contains("mastodon:ana@kitchen.example").contains("mastodon:ben@kitchen.example");
    }
}
