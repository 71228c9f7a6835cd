package dev.scout.app.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.scout.app.report.ReportFixtures.FLAGGED;
import static dev.scout.app.report.ReportFixtures.PLOTTABLE;
import static dev.scout.app.report.ReportFixtures.PLOTTABLE_FLAGGED;
import static dev.scout.app.report.ReportFixtures.PROFILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Loads a generated report in headless Chromium. Skipped with a visible reason where Chromium is missing, except
 * in CI ({@code CI=true}), where a missing browser fails the build unless {@code .ci/run} said why it could not
 * install one ({@code SCOUT_NO_BROWSER_REASON}).
 */
class ReportBrowserTest {

    @TempDir
    Path dir;

    private Chromium chromium;
    private Path report;

    @BeforeEach
    void generateReport() {
        chromium = Chromium.find(dir).orElseGet(() -> {
            String reason = "chromium not found (looked for /usr/bin/chromium and chromium, chromium-browser on PATH); "
                    + "install it (Debian: apt-get install chromium) to run the report browser test";
            // .ci/run sets SCOUT_NO_BROWSER_REASON when it could not install chromium: then it is not expected.
            String ciReason = System.getenv().getOrDefault("SCOUT_NO_BROWSER_REASON", "").strip();
            if (!ciReason.isEmpty()) {
                Assumptions.abort(reason + "; the CI script could not install it: " + ciReason);
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + reason);
            }
            Assumptions.abort(reason);
            return null;
        });
        report = dir.resolve("report.html");
        new ReportWriter().write(report, ReportFixtures.SUMMARY, ReportFixtures.profiles());
    }

    @Test
    void rendersTableAndPlotAndInjectedMarkupDoesNotRun() throws Exception {
        Document dom = Jsoup.parse(chromium.dumpDom(report.toUri().toString()));

        assertThat(dom.title()).isEqualTo("Scout report — run-<b>demo</b>").doesNotContain("PWNED");
        assertThat(dom.select("table#candidates tbody tr")).hasSize(PROFILES);
        assertThat(dom.select("table#candidates tbody tr.flagged")).hasSize(FLAGGED);
        assertThat(dom.select("svg#scatter circle.pt")).hasSize(PLOTTABLE);
        assertThat(dom.select("svg#scatter circle.pt.flagged")).hasSize(PLOTTABLE_FLAGGED);
        assertThat(dom.select("script")).hasSize(1);
        assertThat(dom.select("img, [onerror], [onload]")).isEmpty();
        assertThat(dom.select("p.bio").first().text()).contains("<script>window.__pwned=1;");
    }

    @Test
    void inlineScriptRunsUnderTheCspAndSortsTheTable() throws Exception {
        Document dom = Jsoup.parse(chromium.dumpDom(report.toUri() + "#sort=followers-asc"));

        assertThat(dom.select("th[data-key=followers]").attr("aria-sort")).isEqualTo("ascending");
        assertThat(dom.select("table#candidates tbody tr").first().text()).contains("hidden@food.example");
        assertThat(dom.select("table#candidates tbody tr").get(1).text()).contains("cook6@food.example");
    }

    @Test
    void savesAScreenshotUnderTarget() throws Exception {
        Path png = Path.of("target", "report.png");
        Files.deleteIfExists(png);

        chromium.screenshot(report.toUri().toString(), png, 1280, 3000);

        assertThat(png).isRegularFile();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
