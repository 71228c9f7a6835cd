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
        assertThat(out).contains("audience").contains("mean absolute error");
        assertThat(out).doesNotContain("ground truth (0 true picks");
        assertThat(out.strip().lines().reduce((a, b) -> b).orElse(""))
                .as("the demo ends with the command that opens its results")
                .endsWith("./scout serve --store " + dir.resolve("scout.db"));
    }

    @Test
    void evaluationExplainsEveryWrongAndEveryMissedFlagWithTheTruthsReasonsAndTheScorers() throws IOException {
        assertThat(Main.run("demo", "--out", dir.toString(), "--size", "400", "--seed", "7", "--quiet")).isZero();

        java.util.List<String> lines = Files.readAllLines(dir.resolve("demo-evaluation.txt"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\\((\\d+) true picks; (\\d+) right, (\\d+) wrong, (\\d+) missed\\)").matcher(lines.get(0));
        assertThat(m.find()).as(lines.get(0)).isTrue();
        int wrong = Integer.parseInt(m.group(3));
        int missed = Integer.parseInt(m.group(4));
        assertThat(lines.get(1)).startsWith("audience quality vs the simulator's labels");
        int fpHeader = lines.indexOf("# Flagged but not a true pick (false positives): the truth's reasons, then the scorer's");
        int fnHeader = lines.indexOf("# True picks not flagged (false negatives): the truth's facts, then the gates that failed");
        assertThat(fpHeader).isPositive();
        assertThat(fnHeader).isGreaterThan(fpHeader);
        assertThat(lines.subList(fpHeader, fnHeader).stream().filter(l -> l.startsWith("    truth: "))).hasSize(wrong);
        assertThat(lines.subList(fnHeader, lines.size()).stream().filter(l -> l.startsWith("    truth: "))).hasSize(missed);
        assertThat(lines.subList(fpHeader, lines.size()).stream().filter(l -> l.startsWith("    scorer: ")))
                .hasSize(wrong + missed);
    }

    @Test
    void outOfRangeSizeIsAUsageError() {
        assertThat(Main.run("demo", "--out", dir.toString(), "--size", "5")).isEqualTo(ExitCodes.USAGE);
    }
}
