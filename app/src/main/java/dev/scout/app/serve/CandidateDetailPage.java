package dev.scout.app.serve;

import dev.scout.app.report.CandidateCard;
import dev.scout.app.report.Format;
import dev.scout.app.report.Html;
import dev.scout.model.HistoryPoint;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.Review;
import dev.scout.store.ReviewStatus;

import java.util.List;
import java.util.Optional;

/**
 * One candidate: the review form ({@code form#review-form} with {@code status}, {@code note}, {@code reviewer}), the
 * report's card (identity, public profile link, score breakdown, gates, sponsored posts with their matched text),
 * then engagement against its band, niche matches, every authenticity signal, the growth plot and the cost
 * estimate. Every profile string is escaped and every profile URL checked (the card's rules). Stateless.
 */
final class CandidateDetailPage {

    /** What the page needs besides the verdict. */
    record Extras(long runId, Optional<Review> review, List<HistoryPoint> history, String csrf, String reviewerName,
                  boolean saved) {
    }

    private CandidateDetailPage() {
    }

    static String html(ScoredProfile p, Extras x) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<p><a href=\"/candidates?run=").append(x.runId()).append("\" id=\"back\">← Candidates of run ")
                .append(x.runId()).append("</a></p>");
        if (x.saved()) {
            out.append("<p class=\"notice\" id=\"saved\">Review saved.</p>");
        }
        review(out, p, x);
        out.append(CandidateCard.html(p, "candidate"));
        engagement(out, p.engagement());
        niche(out, p.niche());
        signals(out, p.authenticity());
        out.append("<h2>Growth</h2><div class=\"panel\">").append(GrowthPlot.svg(x.history())).append("</div>");
        cost(out, p.cost());
        return out.toString();
    }

    private static void review(StringBuilder out, ScoredProfile p, Extras x) {
        out.append("<section class=\"review\" id=\"review\"><h2>Review</h2>");
        x.review().ifPresentOrElse(r -> out.append("<p id=\"review-current\" data-status=\"").append(r.status().key())
                        .append("\"><span class=\"status ").append(r.status().key()).append("\">").append(r.status().key())
                        .append("</span> by <b>").append(Html.escape(r.reviewer())).append("</b> at ")
                        .append(Html.escape(r.reviewedAt().toString())).append(r.note().isEmpty() ? "" : " — ")
                        .append("<q id=\"review-note\">").append(Html.escape(r.note())).append("</q></p>"),
                () -> out.append("<p id=\"review-current\" data-status=\"\">Not reviewed yet.</p>"));
        ReviewStatus current = x.review().map(Review::status).orElse(ReviewStatus.UNDECIDED);
        out.append("<form id=\"review-form\" method=\"post\" action=\"/review\">")
                .append("<input type=\"hidden\" name=\"").append(CsrfGuard.FIELD).append("\" value=\"").append(Html.escape(x.csrf())).append("\">")
                .append("<input type=\"hidden\" name=\"id\" value=\"").append(Html.escape(p.account().id())).append("\">")
                .append("<input type=\"hidden\" name=\"run\" value=\"").append(x.runId()).append("\"><fieldset>");
        for (ReviewStatus s : ReviewStatus.values()) {
            out.append("<label><input type=\"radio\" name=\"status\" id=\"status-").append(s.key()).append("\" value=\"")
                    .append(s.key()).append('"').append(s == current ? " checked" : "").append("> ").append(s.key()).append("</label>");
        }
        out.append("</fieldset><label class=\"field\">Note (why)<textarea name=\"note\" id=\"note\" maxlength=\"")
                .append(Review.MAX_NOTE).append("\">").append(Html.escape(x.review().map(Review::note).orElse("")))
                .append("</textarea></label><label class=\"field\">Your name <input type=\"text\" name=\"reviewer\" id=\"reviewer\" required maxlength=\"")
                .append(Review.MAX_REVIEWER).append("\" value=\"").append(Html.escape(x.reviewerName())).append("\"></label>")
                .append("<button type=\"submit\" class=\"primary\" id=\"review-submit\">Save review</button></form></section>");
    }

    private static void engagement(StringBuilder out, ScoredProfile.Engagement e) {
        out.append("<h2>Engagement against its band</h2><dl class=\"facts\" id=\"engagement\">");
        fact(out, "Rate", Format.percent(e.rate()));
        fact(out, "Grade in band", e.grade());
        fact(out, "Percentile in band", e.bandPercentile().isPresent() ? Format.decimal1(e.bandPercentile().getAsDouble()) : "—");
        out.append("</dl><p class=\"small\">Benchmark: ").append(Html.escape(e.benchmark())).append("<br>Definition: ")
                .append(Html.escape(e.definition())).append("</p>");
    }

    private static void niche(StringBuilder out, ScoredProfile.Niche n) {
        out.append("<h2>Niche matches</h2><p>").append(Format.percent(n.share())).append(" of posts on <b>")
                .append(Html.escape(n.target())).append("</b></p><table class=\"breakdown\" id=\"niche-matches\"><tbody>");
        for (ScoredProfile.NicheMatch m : n.topNiches()) {
            out.append("<tr><th>").append(Html.escape(m.niche())).append("</th><td class=\"num\">").append(Format.percent(m.share()))
                    .append("</td><td>").append(Html.escape(String.join(", ", m.terms()))).append("</td></tr>");
        }
        out.append("</tbody></table>");
        if (!n.evidence().isEmpty()) {
            out.append("<ul class=\"evidence\">");
            n.evidence().forEach(ev -> out.append("<li>").append(Html.escape(ev)).append("</li>"));
            out.append("</ul>");
        }
    }

    private static void signals(StringBuilder out, ScoredProfile.Authenticity a) {
        out.append("<h2>Authenticity signals</h2><p>").append(a.suspicious() ? "<b>Judged suspicious.</b>" : "Not judged suspicious.")
                .append(" Audience real: ").append(a.audienceRealPct().isPresent()
                        ? Format.decimal1(a.audienceRealPct().getAsDouble()) + "% of " + a.sampleSize() + " sampled" : "no sample")
                .append("</p><table class=\"breakdown\" id=\"signals\"><tbody>");
        for (ScoredProfile.Signal s : a.signals()) {
            out.append("<tr").append(s.concern() ? " class=\"concern\"" : "").append("><th>").append(Html.escape(s.name()))
                    .append("</th><td>").append(Html.escape(s.value())).append("</td><td>").append(s.concern() ? "concern" : "ok")
                    .append("</td><td>").append(Html.escape(s.explanation())).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void cost(StringBuilder out, ScoredProfile.Cost c) {
        out.append("<h2>Cost estimate</h2><dl class=\"facts\" id=\"cost\">");
        fact(out, "Price per post", Format.usd(c.estPriceUsd()));
        fact(out, "Cost per engagement", Format.usd(c.costPerEngagementUsd()));
        fact(out, "Model", c.model());
        out.append("</dl>");
    }

    private static void fact(StringBuilder out, String term, String value) {
        out.append("<div><dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd></div>");
    }
}
