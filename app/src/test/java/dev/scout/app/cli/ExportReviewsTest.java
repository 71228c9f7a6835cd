package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.Main;
import dev.scout.app.export.Columns;
import dev.scout.app.export.ScoredProfileFixtures;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.Review;
import dev.scout.store.ReviewStatus;
import dev.scout.store.RunInfo;
import dev.scout.store.SqliteStore;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviews made in scout serve travel with every export, and --only narrows an export to one decision. */
class ExportReviewsTest {
    static final Instant REVIEWED = Instant.parse("2026-12-04T18:30:00Z");

    @TempDir
    Path dir;
    private Path db;

    @BeforeEach
    void storeWithTwoReviews() {
        db = dir.resolve("scout.db");
        try (SqliteStore store = SqliteStore.open(db)) {
            long run = store.startRun("cfg", "test");
            List<ScoredProfile> verdicts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                verdicts.add(ScoredProfileFixtures.mastodon("cook" + i, "fika.example").score(50 + i).build());
            }
            store.saveScores(run, verdicts.iterator());
            store.finishRun(run, RunInfo.RunStatus.COMPLETED, Map.of("scored", 5L));
            store.saveReview(new Review(ProfileRef.mastodon("cook1", "fika.example"), ReviewStatus.SHORTLISTED,
                    "=great fit, says Ana", "Ana", REVIEWED));
            store.saveReview(new Review(ProfileRef.mastodon("cook2", "fika.example"), ReviewStatus.REJECTED, "", "Bo", REVIEWED));
        }
    }

    private List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void csvEndsWithTheReviewColumnsFilledForReviewedProfiles() throws IOException {
        Path out = dir.resolve("all.csv");
        assertThat(CliCapture.run(() -> Main.run("export", "--store", db.toString(), "--format", "csv", "--out", out.toString())).code())
                .isEqualTo(ExitCodes.OK);

        List<String> names = Columns.names();
        assertThat(names.subList(names.size() - 3, names.size())).containsExactly("review_status", "review_note", "reviewed_at");
        List<CSVRecord> rows = csv(out);
        assertThat(rows).hasSize(5);
        CSVRecord cook1 = rows.stream().filter(r -> r.get("id").equals("mastodon:cook1@fika.example")).findFirst().orElseThrow();
        assertThat(cook1.get("review_status")).isEqualTo("shortlisted");
        assertThat(cook1.get("review_note")).isEqualTo("'=great fit, says Ana");
        assertThat(cook1.get("reviewed_at")).isEqualTo("2026-12-04T18:30:00Z");
        CSVRecord cook3 = rows.stream().filter(r -> r.get("id").equals("mastodon:cook3@fika.example")).findFirst().orElseThrow();
        assertThat(cook3.get("review_status")).isEmpty();
    }

    @Test
    void onlyShortlistedKeepsTheShortlistInCsvAndJsonl() throws IOException {
        Path csv = dir.resolve("short.csv");
        Path jsonl = dir.resolve("short.jsonl");
        CliCapture c = CliCapture.run(() -> Main.run("export", "--store", db.toString(), "--format", "csv", "--only", "shortlisted",
                "--out", csv.toString()));
        CliCapture j = CliCapture.run(() -> Main.run("export", "--store", db.toString(), "--format", "jsonl", "--only", "rejected",
                "--out", jsonl.toString()));

        assertThat(c.code()).isEqualTo(ExitCodes.OK);
        assertThat(c.out()).contains("Wrote 1 shortlisted profiles");
        assertThat(csv(csv)).extracting(r -> r.get("id")).containsExactly("mastodon:cook1@fika.example");
        assertThat(j.code()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(jsonl)).singleElement().asString()
                .contains("\"id\":\"mastodon:cook2@fika.example\"").contains("\"review_status\":\"rejected\"")
                .contains("\"review_note\":null");
    }

    @Test
    void onlyWithNothingReviewedSoFailsWithAdviceAndAnUnknownStatusIsAUsageError() {
        CliCapture none = CliCapture.run(() -> Main.run("export", "--store", db.toString(), "--format", "csv", "--only", "undecided",
                "--out", dir.resolve("none.csv").toString()));
        CliCapture bad = CliCapture.run(() -> Main.run("export", "--store", db.toString(), "--format", "csv", "--only", "maybe"));

        assertThat(none.code()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(none.err()).contains("undecided").contains("scout serve");
        assertThat(dir.resolve("none.csv")).doesNotExist();
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("--only must be shortlisted, rejected or undecided");
    }
}
