package dev.scout.demo;

import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import dev.scout.store.SqliteStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands that work on a store after a run: status, export, report, score, forget. */
class StoreCommandsTest {

    @TempDir
    static Path demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void runSmallDemo() {
        assertThat(Main.run("demo", "--out", demo.toString(), "--size", "300", "--seed", "3", "--quiet")).isZero();
    }

    private static String db() {
        return demo.resolve("scout.db").toString();
    }

    @Test
    void exportWritesTheStoredRunAsCsvAndJsonl() throws IOException {
        Path csv = dir.resolve("x.csv");
        Path jsonl = dir.resolve("x.jsonl");
        assertThat(Main.run("export", "--store", db(), "--format", "csv", "--out", csv.toString())).isZero();
        assertThat(Main.run("export", "--store", db(), "--format", "jsonl", "--out", jsonl.toString())).isZero();
        long rows = Files.readAllLines(csv).size() - 1;
        assertThat(rows).isPositive();
        assertThat(Files.readAllLines(jsonl)).hasSize((int) rows);
    }

    @Test
    void exportOfAStoreWithoutScoresFailsWithExit1AndLeavesNoFile() {
        Path empty = dir.resolve("empty.db");
        SqliteStore.open(empty).close();
        Path csv = dir.resolve("none.csv");
        String err = captureErr(() -> Main.run("export", "--store", empty.toString(), "--format", "csv", "--out", csv.toString()),
                ExitCodes.RUN_FAILED);
        assertThat(err).contains("has no scored run yet");
        assertThat(csv).doesNotExist();
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(Main.run("export", "--store", db(), "--format", "xlsx")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void unwritableExportPathIsNamedInTheError() throws IOException {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "not a folder");
        String err = captureErr(() -> Main.run("export", "--store", db(), "--format", "csv",
                "--out", blocker.resolve("sub/x.csv").toString()), ExitCodes.RUN_FAILED);
        assertThat(err).contains(blocker.resolve("sub").toString());
    }

    @Test
    void reportIsWrittenFromTheStore() {
        Path html = dir.resolve("r.html");
        assertThat(Main.run("report", "--store", db(), "--out", html.toString())).isZero();
        assertThat(html).content().contains("<svg").contains("Content-Security-Policy");
    }

    @Test
    void rescoringTheStoreCostsNoRequestAndRecordsARun() {
        Path out = dir.resolve("rescored");
        String printed = captureOut(() -> Main.run("score", "--store", db(), "--niche", "plant-based-cooking", "--out", out.toString()));
        assertThat(printed).contains("without fetching");
        assertThat(out.resolve("candidates.csv")).exists();
    }

    @Test
    void forgetRemovesAProfileSoLaterExportsNoLongerHaveIt() throws IOException {
        Path copy = dir.resolve("copy.db");
        Files.copy(demo.resolve("scout.db"), copy);
        Path before = dir.resolve("before.csv");
        assertThat(Main.run("export", "--store", copy.toString(), "--format", "csv", "--out", before.toString())).isZero();
        String victim = Files.readAllLines(before).get(1).split(",", 2)[0];

        assertThat(Main.run("forget", "--store", copy.toString(), victim)).isZero();
        assertThat(Main.run("score", "--store", copy.toString(), "--niche", "plant-based-cooking", "--out", dir.resolve("after").toString())).isZero();

        assertThat(Files.readString(dir.resolve("after/candidates.csv"))).doesNotContain(victim + ",");
    }

    @Test
    void statusShowsTheFrontierAndTheLastRun() {
        String printed = captureOut(() -> Main.run("status", "--store", db()));
        assertThat(printed).contains("mastodon").contains("run 1").contains("A resume now would fetch 0 profiles");
    }

    private static String captureOut(Callable<Integer> call) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(call.call()).isZero();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String captureErr(Callable<Integer> call, int expectedCode) {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertThat(call.call()).isEqualTo(expectedCode);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
