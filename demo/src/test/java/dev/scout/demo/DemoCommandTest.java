package dev.scout.demo;

import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import dev.scout.app.export.Columns;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One end-to-end demo at a small size: simulated network → real HTTP stack → store → scorer → files. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void smallDemoFlagsCandidatesAndReportsPrecisionAndRecall() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            code = Main.run("demo", "--out", dir.toString(), "--size", "400", "--seed", "7", "--quiet");
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out).contains("Top ").contains("Run summary:").contains("precision").contains("recall");
        String header = Files.readAllLines(dir.resolve("candidates.csv"), StandardCharsets.UTF_8).get(0);
        assertThat(header.replace("\uFEFF", "")).isEqualTo(String.join(",", Columns.names()));
        Map<String, CSVRecord> rows = CsvRows.byId(dir.resolve("candidates.csv"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.values()).anyMatch(r -> r.get("flagged").equals("true"));
        assertThat(rows.values()).allSatisfy(r -> assertThat(r.get("reasons")).isNotBlank());
        assertThat(Files.readAllLines(dir.resolve("candidates.jsonl"))).hasSameSizeAs(rows.values());
        assertThat(dir.resolve("report.html")).exists();
        assertThat(dir.resolve("demo-evaluation.txt")).content().contains("# True picks not flagged");
    }

    @Test
    void outOfRangeSizeIsAUsageError() {
        assertThat(Main.run("demo", "--out", dir.toString(), "--size", "5")).isEqualTo(ExitCodes.USAGE);
    }
}
