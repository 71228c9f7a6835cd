package dev.scout.app.report;

import dev.scout.app.export.ExportException;
import dev.scout.app.export.ScoredProfileFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.scout.app.report.ReportFixtures.FLAGGED;
import static dev.scout.app.report.ReportFixtures.PLOTTABLE;
import static dev.scout.app.report.ReportFixtures.PLOTTABLE_FLAGGED;
import static dev.scout.app.report.ReportFixtures.PROFILES;
import static dev.scout.app.report.ReportFixtures.SCRIPT_BIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void rendersTablePlotHistogramAndCardsWithTheRightCounts() throws IOException {
        Document doc = write();

        assertThat(doc.select("table#candidates tbody tr")).hasSize(PROFILES);
        assertThat(doc.select("table#candidates tbody tr.flagged")).hasSize(FLAGGED);
        assertThat(doc.select("svg#scatter circle.pt")).hasSize(PLOTTABLE);
        assertThat(doc.select("svg#scatter circle.pt.flagged")).hasSize(PLOTTABLE_FLAGGED);
        assertThat(doc.select("svg#histogram rect.bar:not(.flagged)")).hasSize(ScoreHistogram.BINS);
        assertThat(doc.select("article.card")).hasSize(FLAGGED);
        assertThat(doc.select("table#candidates tbody tr").first().text()).contains("hostile@evil.example");
    }

    @Test
    void profileTextIsRenderedAsTextNeverAsMarkup() throws IOException {
        Document doc = write();

        assertThat(doc.select("script")).hasSize(1);
        assertThat(doc.select("img, svg[onload], [onerror], [onload]")).isEmpty();
        assertThat(doc.select("b, i").eachText()).doesNotContain("brand", "demo", "3");
        assertThat(doc.select("p.bio").first().text()).startsWith(SCRIPT_BIO);
        assertThat(doc.select("article.card h3").first().text()).isEqualTo(ReportFixtures.IMG_NAME);
        assertThat(doc.title()).isEqualTo("Scout report — run-<b>demo</b>");
    }

    @Test
    void onlyHttpAndHttpsUrlsBecomeLinks() throws IOException {
        Document doc = write();

        for (Element a : doc.select("a[href]")) {
            assertThat(a.attr("href")).matches("^(https?://|#c-).*");
        }
        Element hostileCard = doc.select("article.card").first();
        assertThat(hostileCard.text()).contains("javascript:document.title='PWNED'");
        assertThat(hostileCard.select("a[href]").eachAttr("href")).containsExactly("https://ok.example/a?b=1&c='x'");
    }

    @Test
    void contentSecurityPolicyForbidsExternalLoads() throws IOException {
        Document doc = write();

        String csp = doc.select("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).startsWith("default-src 'none';").contains("script-src 'sha256-").doesNotContain("unsafe-inline");
        assertThat(doc.select("[src], link[href]")).isEmpty();
    }

    @Test
    void emptyRunIsAnErrorAndLeavesNoFile() {
        Path out = dir.resolve("report.html");

        assertThatThrownBy(() -> new ReportWriter().write(out, ReportFixtures.SUMMARY, List.of()))
                .isInstanceOfSatisfying(ExportException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportException.Kind.NOTHING_TO_EXPORT))
                .hasMessageContaining(out.toString());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void withoutFlaggedProfilesShowsTheBestScoringCards() throws IOException {
        List<dev.scout.scorer.ScoredProfile> none = List.of(
                ScoredProfileFixtures.mastodon("a", "x.example").flagged(false).score(50).build(),
                ScoredProfileFixtures.mastodon("b", "x.example").flagged(false).score(70).build());
        Path out = dir.resolve("r.html");
        new ReportWriter().write(out, ReportFixtures.SUMMARY, none);

        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(doc.select("article.card h3").eachText()).hasSize(2);
        assertThat(doc.select("article.card .meta bdi").first().text()).isEqualTo("b@x.example");
        assertThat(doc.text()).contains("No profile passed every gate");
    }

    @Test
    void largeRunsShowTheBestRowsAndEveryFlaggedOneButCountAllInTheHistogram() throws IOException {
        List<dev.scout.scorer.ScoredProfile> many = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(ScoredProfileFixtures.mastodon("p" + i, "x.example").score(i).flagged(i == 3).build());
        }
        Path out = dir.resolve("big.html");
        new ReportWriter(5, 10).write(out, ReportFixtures.SUMMARY, many);

        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(doc.select("table#candidates tbody tr")).hasSize(11);
        assertThat(doc.select("table#candidates tbody tr").last().text()).contains("p3@x.example");
        assertThat(doc.select("svg#scatter circle.pt")).hasSize(11);
        assertThat(doc.select("svg#histogram rect.bar:not(.flagged) title").eachText())
                .contains("0–10: 10 profiles, 1 flagged", "30–40: 10 profiles, 0 flagged");
        assertThat(doc.text()).contains("best-scoring and flagged profiles of 40");
    }

    @Test
    void aBestFirstStreamIsReadOnceKeepingOnlyTheShownRowsWhileTheHistogramCountsEveryProfile() throws IOException {
        int n = 20_000;
        java.util.concurrent.atomic.AtomicInteger read = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Iterator<dev.scout.scorer.ScoredProfile> bestFirst = new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return read.get() < n;
            }

            @Override
            public dev.scout.scorer.ScoredProfile next() {
                int i = read.getAndIncrement();
                // Scores fall from 100 to 0; every 1,000th profile is flagged.
                return ScoredProfileFixtures.mastodon(String.format("p%05d", i), "x.example")
                        .score(100.0 * (n - 1 - i) / n).flagged(i % 1_000 == 999).build();
            }
        };
        Path out = dir.resolve("stream.html");
        new ReportWriter(5, 100).write(out, ReportFixtures.SUMMARY, bestFirst);

        assertThat(read.get()).isEqualTo(n);
        Document doc = Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
        assertThat(doc.select("table#candidates tbody tr")).as("100 best + 20 flagged").hasSize(120);
        assertThat(doc.select("svg#histogram rect.bar:not(.flagged) title").eachText())
                .contains("0–10: 2000 profiles, 2 flagged", "90–100: 2000 profiles, 2 flagged");
        assertThat(doc.text()).contains("best-scoring and flagged profiles of 20000");
        assertThat(Files.size(out)).as("sized by the rows shown, not the run").isLessThan(2_000_000);
    }

    @Test
    void anEmptyStreamIsNothingToReport() {
        Path out = dir.resolve("none.html");
        assertThatThrownBy(() -> new ReportWriter().write(out, ReportFixtures.SUMMARY,
                java.util.Collections.<dev.scout.scorer.ScoredProfile>emptyIterator()))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("nothing to report");
        assertThat(out).doesNotExist();
    }

    @Test
    void escapeCoversQuotesAndForbiddenCharacters() {
        assertThat(Html.escape("<a href='x' title=\"y\">&</a>\0\u0007"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;\uFFFD\uFFFD");
        assertThat(Html.escape("🌱\uD800x")).isEqualTo("🌱\uFFFDx");
    }

    @Test
    void safeHrefAcceptsOnlyAbsoluteHttpUrls() {
        assertThat(Links.safeHref("https://a.example/p?q=1")).contains("https://a.example/p?q=1");
        assertThat(Links.safeHref("HTTP://a.example/")).isPresent();
        for (String bad : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,x", "//a.example/",
                "/relative", "https:///nohost", "java\tscript:alert(1)", " https://a.example/", "")) {
            assertThat(Links.safeHref(bad)).as(bad).isEmpty();
        }
    }

    private Document write() throws IOException {
        Path out = dir.resolve("report.html");
        new ReportWriter().write(out, ReportFixtures.SUMMARY, ReportFixtures.profiles());
        return Jsoup.parse(Files.readString(out, StandardCharsets.UTF_8));
    }
}
