package dev.scout.app.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicOutputTest {

    @TempDir
    Path dir;

    @Test
    void partialFilesLeftByAKilledWriteAreRemovedAtTheNextWrite() throws IOException {
        Path target = dir.resolve("candidates.csv");
        Path leftOver = dir.resolve(".candidates.csv.123456789.partial");
        Files.writeString(leftOver, "half a row");
        Path otherExport = dir.resolve(".report.html.42.partial");
        Files.writeString(otherExport, "<html");

        AtomicOutput out = AtomicOutput.create(target);
        out.stream().write("id\r\n".getBytes(StandardCharsets.UTF_8));
        out.commit();

        assertThat(target).hasContent("id\r\n");
        assertThat(leftOver).doesNotExist();
        assertThat(otherExport).as("another file's left-over is removed when that file is next written").exists();
    }

    @Test
    void partialFileOfAWriteStillInProgressIsLeftAlone() throws IOException {
        Path target = dir.resolve("candidates.csv");
        AtomicOutput first = AtomicOutput.create(target);
        first.stream().write("first".getBytes(StandardCharsets.UTF_8));

        AtomicOutput second = AtomicOutput.create(target);
        second.stream().write("second".getBytes(StandardCharsets.UTF_8));
        second.commit();
        first.commit();

        assertThat(target).hasContent("first");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
