package dev.scout.app.export;

import dev.scout.scorer.ScoredProfile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import static dev.scout.app.export.ScoredProfileFixtures.RUN;
import static dev.scout.app.export.ScoredProfileFixtures.mastodon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvExporterTest {

    private static final String HEADER = "id,platform,handle,display_name,profile_url,followers,following,"
            + "posts_analyzed,engagement_rate,niche_share,sponsored_share,brands,score,flagged,reasons,contact_email,"
            + "crawled_at,tier,engagement_grade,audience_real_pct,suspicious,distinct_brands,est_price_usd,"
            + "cost_per_engagement_usd,niche_evidence,website,score_version,run_id,review_status,review_note,reviewed_at";

    @TempDir
    Path dir;

    @Test
    void headerIsExactlyTheContract() throws IOException {
        Path out = export(false, mastodon("ana", "cooking.example").build());

        String first = Files.readAllLines(out, StandardCharsets.UTF_8).get(0);
        assertThat(first).isEqualTo(HEADER);
        assertThat(String.join(",", Columns.names())).isEqualTo(HEADER);
    }

    @Test
    void formatsRatesScoreTimestampsAndListsAsDocumented() throws IOException {
        CSVRecord row = rows(export(false, mastodon("ana", "cooking.example").build())).get(0);

        assertThat(row.get("id")).isEqualTo("mastodon:ana@cooking.example");
        assertThat(row.get("platform")).isEqualTo("mastodon");
        assertThat(row.get("followers")).isEqualTo("12400");
        assertThat(row.get("engagement_rate")).isEqualTo("0.0423");
        assertThat(row.get("niche_share")).isEqualTo("0.7200");
        assertThat(row.get("score")).isEqualTo("87.5");
        assertThat(row.get("flagged")).isEqualTo("true");
        assertThat(row.get("suspicious")).isEqualTo("false");
        assertThat(row.get("brands")).isEqualTo("OatCo; TofuWorks");
        assertThat(row.get("distinct_brands")).isEqualTo("2");
        assertThat(row.get("crawled_at")).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(row.get("audience_real_pct")).isEqualTo("91.3");
        assertThat(row.get("est_price_usd")).isEqualTo("180.00");
        assertThat(row.get("cost_per_engagement_usd")).isEqualTo("0.0342");
        assertThat(row.get("reasons")).isEqualTo("followers 12,400 within 1,000–100,000; niche share 72% ≥ 30%");
        assertThat(row.get("score_version")).isEqualTo("score-1.0");
        assertThat(row.get("run_id")).isEqualTo(RUN.runId());
    }

    @Test
    void unknownValuesAreEmptyCells() throws IOException {
        ScoredProfile hidden = mastodon("ana", "cooking.example").followers(null).following(null)
                .rate(OptionalDouble.empty()).audienceRealPct(OptionalDouble.empty()).contactEmail(null)
                .website(null).brands(List.of()).price(OptionalDouble.empty())
                .costPerEngagement(OptionalDouble.of(Double.NaN)).build();

        CSVRecord row = rows(export(false, hidden)).get(0);

        for (String column : List.of("followers", "following", "engagement_rate", "audience_real_pct", "contact_email",
                "website", "brands", "est_price_usd", "cost_per_engagement_usd")) {
            assertThat(row.get(column)).as(column).isEmpty();
        }
        assertThat(row.get("distinct_brands")).isEqualTo("0");
    }

    @Test
    void neutralisesFormulaTriggersInFreeTextCellsOnly() throws IOException {
        ScoredProfile hostile = mastodon("ana", "cooking.example")
                .displayName("=HYPERLINK(\"http://evil.example\",\"click\")")
                .brands(List.of("-2+3", "@SUM(A1)"))
                .nicheEvidence(List.of("+cmd|' /C calc'!A0"))
                .website("\t=1+1")
                .profileUrl("\r=2")
                .contactEmail("\0=@x")
                .build();

        CSVRecord row = rows(export(false, hostile)).get(0);

        assertThat(row.get("display_name")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(row.get("brands")).isEqualTo("'-2+3; @SUM(A1)");
        assertThat(row.get("niche_evidence")).isEqualTo("'+cmd|' /C calc'!A0");
        // Control characters go first (as on the terminal), so a formula hidden behind them is still neutralised.
        assertThat(row.get("website")).isEqualTo("'=1+1");
        assertThat(row.get("profile_url")).isEqualTo("'=2");
        assertThat(row.get("contact_email")).isEqualTo("'=@x");
        assertThat(row.get("engagement_rate")).isEqualTo("0.0423");
    }

    @Test
    void hostileTextSurvivesQuotingUnchanged() throws IOException {
        String bio = "Line one, \"quoted\" 🌱 <script>alert(1)</script>";
        ScoredProfile p = mastodon("ana", "cooking.example").displayName(bio).build();

        List<CSVRecord> rows = rows(export(false, p));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("display_name")).isEqualTo(bio);
    }

    @Test
    void controlAndBidiOverrideCharactersAreStrippedFromFreeTextCellsAsOnTheTerminal() throws IOException {
        ScoredProfile p = mastodon("ana", "cooking.example")
                .displayName("Ana\u0000 \u001B[31mred\u001B[0m \u202Eevil\u202C \u2066iso\u2069\u0085c1 🌱")
                .nicheEvidence(List.of("line one\nline two\ttabbed"))
                .build();

        CSVRecord row = rows(export(false, p)).get(0);

        assertThat(row.get("display_name")).isEqualTo("Ana [31mred[0m evil iso c1 🌱");
        assertThat(row.get("niche_evidence")).isEqualTo("line one line two tabbed");
        assertThat(row.get("display_name")).isEqualTo(
                dev.scout.app.console.TerminalText.safe(p.account().displayName(), 1_000));
    }

    @Test
    void writesByteOrderMarkOnlyWhenAsked() throws IOException {
        byte[] with = Files.readAllBytes(export(true, mastodon("a", "x.example").build()));
        byte[] without = Files.readAllBytes(exportTo(dir.resolve("plain.csv"), false, mastodon("a", "x.example").build()));

        assertThat(with).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(without, StandardCharsets.UTF_8)).startsWith("id,");
    }

    @Test
    void streamsManyRowsInOrder() throws IOException {
        Iterator<ScoredProfile> many = IntStream.range(0, 5_000)
                .mapToObj(i -> mastodon("user" + i, "many.example").score(i % 100).build()).iterator();

        long written = ExportJob.run(new CsvExporter(false), dir.resolve("many.csv"), RUN, many);

        List<CSVRecord> rows = rows(dir.resolve("many.csv"));
        assertThat(written).isEqualTo(5_000);
        assertThat(rows).hasSize(5_000);
        assertThat(rows.get(4_999).get("id")).isEqualTo("mastodon:user4999@many.example");
    }

    @Test
    void exportingNothingIsAnErrorAndLeavesNoFile() {
        Path out = dir.resolve("empty.csv");

        assertThatThrownBy(() -> ExportJob.run(new CsvExporter(true), out, RUN, List.<ScoredProfile>of().iterator()))
                .isInstanceOfSatisfying(ExportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExportException.Kind.NOTHING_TO_EXPORT);
                    assertThat(e.path()).isEqualTo(out.toAbsolutePath());
                })
                .hasMessageStartingWith("nothing to export");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void missingFolderGivesAnErrorNamingThePath() {
        Path out = dir.resolve("no-such-folder").resolve("c.csv");

        assertThatThrownBy(() -> new CsvExporter(false).open(out, RUN))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportException.Kind.UNWRITABLE))
                .hasMessageContaining(out.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void directoryAsTargetGivesAnErrorNamingThePath() {
        assertThatThrownBy(() -> new CsvExporter(false).open(dir, RUN))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void failureWhileStreamingLeavesThePreviousFileUntouched() throws IOException {
        Path out = dir.resolve("c.csv");
        Files.writeString(out, "previous export");
        Iterator<ScoredProfile> failing = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ScoredProfile next() {
                if (n++ == 3) {
                    throw new NoSuchElementException("store closed");
                }
                return mastodon("u" + n, "x.example").build();
            }
        };

        assertThatThrownBy(() -> ExportJob.run(new CsvExporter(false), out, RUN, failing))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(Files.readString(out)).isEqualTo("previous export");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void writeBeforeOpenIsRejected() {
        assertThatThrownBy(() -> new CsvExporter(false).write(mastodon("a", "x.example").build()))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportException.Kind.MISUSE));
    }

    private Path export(boolean bom, ScoredProfile... profiles) {
        return exportTo(dir.resolve("candidates.csv"), bom, profiles);
    }

    private static Path exportTo(Path out, boolean bom, ScoredProfile... profiles) {
        ExportJob.run(new CsvExporter(bom), out, RUN, List.of(profiles).iterator());
        return out;
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        }
    }
}
