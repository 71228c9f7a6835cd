package dev.scout.app.serve;

import dev.scout.app.report.Format;
import dev.scout.app.report.Html;
import dev.scout.app.report.Links;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.Review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Two to four candidates side by side ({@code table#compare}, one column per candidate with
 * {@code data-profile}): the numbers a scout weighs, the failed gates and the review. Profile text escaped. Stateless.
 */
final class ComparePage {
    static final int MIN = 2;
    static final int MAX = 4;

    /** One compared candidate and its review. */
    record Column(ScoredProfile verdict, Optional<Review> review) {
    }

    private ComparePage() {
    }

    static String html(long runId, List<Column> columns) {
        StringBuilder out = new StringBuilder(8_192);
        out.append("<p><a href=\"/candidates?run=").append(runId).append("\" id=\"back\">← Candidates of run ").append(runId)
                .append("</a></p><h1>Compare</h1><table class=\"compare\" id=\"compare\"><thead><tr><th></th>");
        for (Column c : columns) {
            var a = c.verdict().account();
            out.append("<th data-profile=\"").append(Html.escape(a.id())).append("\"><a href=\"/candidate?run=").append(runId)
                    .append("&amp;id=").append(Html.escape(URLEncoder.encode(a.id(), StandardCharsets.UTF_8))).append("\"><bdi>")
                    .append(Html.escape(a.handle())).append("</bdi></a><span class=\"name\"><bdi>")
                    .append(Html.escape(a.displayName())).append("</bdi></span></th>");
        }
        out.append("</tr></thead><tbody>");
        row(out, "Platform", columns, v -> Html.escape(v.account().platform().key()));
        row(out, "Public profile", columns, v -> Links.anchor(v.account().profileUrl(), v.account().profileUrl()));
        row(out, "Score", columns, v -> Format.decimal1(v.score()) + (v.flagged() ? " · flagged" : ""));
        row(out, "Followers", columns, v -> Format.count(v.account().followers()) + " · " + Html.escape(v.tier().name()));
        row(out, "Engagement", columns, v -> Format.percent(v.engagement().rate()) + " · " + Html.escape(v.engagement().grade()));
        row(out, "Niche share", columns, v -> Format.percent(v.niche().share()) + " " + Html.escape(v.niche().target()));
        row(out, "Sponsored", columns, v -> Format.percent(v.sponsorship().share()) + " · "
                + Html.escape(String.join(", ", v.sponsorship().brands())));
        row(out, "Suspicious", columns, v -> v.authenticity().suspicious() ? "yes" : "no");
        row(out, "Audience real", columns, v -> v.authenticity().audienceRealPct().isPresent()
                ? Format.decimal1(v.authenticity().audienceRealPct().getAsDouble()) + "%" : "no sample");
        row(out, "Price / post", columns, v -> Format.usd(v.cost().estPriceUsd()));
        row(out, "Cost / engagement", columns, v -> Format.usd(v.cost().costPerEngagementUsd()));
        row(out, "Failed gates", columns, v -> Html.escape(String.join("; ", v.gates().stream()
                .filter(g -> !g.passed()).map(ScoredProfile.Gate::explanation).toList())));
        out.append("<tr><th>Review</th>");
        for (Column c : columns) {
            out.append("<td>").append(c.review().map(r -> "<span class=\"status " + r.status().key() + "\">" + r.status().key()
                    + "</span> " + Html.escape(r.note())).orElse("—")).append("</td>");
        }
        out.append("</tr></tbody></table>");
        return out.toString();
    }

    /** One row; {@code cell} returns safe HTML (it escapes what it takes from the profile). */
    private static void row(StringBuilder out, String label, List<Column> columns, Function<ScoredProfile, String> cell) {
        out.append("<tr><th>").append(Html.escape(label)).append("</th>");
        for (Column c : columns) {
            out.append("<td>").append(cell.apply(c.verdict())).append("</td>");
        }
        out.append("</tr>");
    }
}
