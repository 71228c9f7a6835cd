package dev.scout.demo.browser;

import dev.scout.app.Main;
import dev.scout.demo.bench.ServeProcess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scout serve} on a demo store, in headless Chromium, as a scout uses it: filter the list, open a candidate,
 * shortlist it with a note, reload and find the review kept, find it in the export. Saves screenshots of the list
 * and of a candidate page under {@code target/screenshots/} (the README's come from there). Skipped with a reason
 * without Chromium ({@link BrowserRequirement}).
 */
class ReviewAppBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String NOTE = "Great fit: weekly recipes, honest #ad labels <b>not bold</b>";

    @TempDir
    static Path dir;

    private static Path chromiumBinary;
    private static ServeProcess serve;
    private static HeadlessChromium chromium;
    private static String base;

    @BeforeAll
    static void demoStoreServedAndABrowser() throws Exception {
        chromiumBinary = BrowserRequirement.chromium();
        assertThat(Main.run("demo", "--out", dir.resolve("demo").toString(), "--size", "300", "--seed", "3", "--quiet"))
                .isZero();
        serve = ServeProcess.start(store(), "256m", dir.resolve("serve-gc.log"), dir.resolve("serve.log"));
        base = "http://127.0.0.1:" + serve.port();
        chromium = HeadlessChromium.start(chromiumBinary, dir.resolve("browser"));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (serve != null) {
                serve.close();
            }
        }
    }

    private static Path store() {
        return dir.resolve("demo").resolve("scout.db");
    }

    @Test
    void aScoutFiltersOpensACandidateShortlistsItWithANoteAndFindsTheReviewKeptAndExported() throws Exception {
        BrowserPage page = chromium.newPage(1280, 900).open(base + "/");
        long everyone = total(page);
        assertThat(everyone).isPositive();

        page.choose("#filters select[name=flagged]", "yes");
        page.choose("#filters select[name=review]", "unreviewed");
        page.clickAndWait("#filters #apply");

        assertThat(page.url()).contains("flagged=yes").contains("review=unreviewed");
        long flagged = total(page);
        assertThat(flagged).isPositive().isLessThan(everyone);
        int rows = page.count("table#candidates tbody tr[data-profile]");
        assertThat(rows).isPositive();
        assertThat(page.count("table#candidates tbody tr[data-profile].flagged")).isEqualTo(rows);
        page.screenshot(SCREENSHOTS.resolve("candidates.png"));

        String id = page.evaluate("document.querySelector('table#candidates tbody tr[data-profile]').dataset.profile").asText();
        String handle = page.text("table#candidates tbody tr[data-profile] a.handle");
        page.clickAndWait("table#candidates tbody tr[data-profile] a.handle");

        assertThat(page.url()).contains("/candidate?").contains(URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertThat(page.evaluate("document.title").asText()).contains(handle);
        assertThat(page.evaluate("document.querySelector('#review-form input[name=id]').value").asText()).isEqualTo(id);
        assertThat(page.evaluate("document.querySelector('#review-current').dataset.status").asText()).isEmpty();

        page.click("#status-shortlisted");
        page.type("#note", NOTE);
        page.type("#reviewer", "Ana Scout");
        page.clickAndWait("#review-submit");

        assertThat(page.count("#saved")).as("the page after saving, %s: %s", page.url(), page.text("main"))
                .isEqualTo(1);
        assertReviewShown(page);
        page.screenshot(SCREENSHOTS.resolve("candidate.png"));

        page.reload();
        assertReviewShown(page);

        page.open(base + "/candidates?review=shortlisted");
        assertThat(page.evaluate("Array.from(document.querySelectorAll('table#candidates tr[data-profile]'),"
                + " r => r.dataset.profile)").toString()).contains(id);

        CSVRecord exported = exportedRow(id);
        assertThat(exported.get("review_status")).isEqualTo("shortlisted");
        assertThat(exported.get("review_note")).isEqualTo(NOTE);
        assertThat(exported.get("reviewed_at")).isNotBlank();

        // The browser asks for /favicon.ico by itself; the app has none, and that 404 is not the app's doing.
        assertThat(page.problems().stream().filter(p -> !p.endsWith("/favicon.ico)")))
                .as("console errors, uncaught exceptions, failed loads and CSP refusals").isEmpty();
    }

    private static void assertReviewShown(BrowserPage page) throws IOException {
        assertThat(page.evaluate("document.querySelector('#review-current').dataset.status").asText())
                .isEqualTo("shortlisted");
        // Shown as text: the markup in the note is escaped, not rendered.
        assertThat(page.text("#review-note")).contains(NOTE);
        assertThat(page.count("#review-note b")).isZero();
    }

    private static long total(BrowserPage page) throws IOException {
        return page.evaluate("Number(document.querySelector('#result-count').dataset.total)").asLong();
    }

    /** Runs {@code scout export --format csv} on the served store and returns the row of {@code id}. */
    private static CSVRecord exportedRow(String id) throws IOException {
        Path csv = dir.resolve("export.csv");
        assertThat(Main.run("export", "--store", store().toString(), "--format", "csv", "--out", csv.toString())).isZero();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> header = parser.getHeaderNames();
            assertThat(header.subList(header.size() - 3, header.size()))
                    .containsExactly("review_status", "review_note", "reviewed_at");
            Optional<CSVRecord> row = parser.stream().filter(r -> r.get("id").equals(id)).findFirst();
            assertThat(row).as("the export's row of " + id).isPresent();
            return row.get();
        }
    }
}
