package dev.scout.app.report;

import dev.scout.scorer.ScoredProfile;

import java.util.List;
import java.util.Locale;

/**
 * One candidate's card: identity and links, bio, key numbers, score breakdown, gates, and the evidence behind the
 * verdict with links to the original posts. Every profile-supplied string goes through {@link Html#escape} and
 * every URL through {@link Links}. Stateless.
 */
public final class CandidateCard {

    private CandidateCard() {
    }

    /** The card as an {@code <article>} with id {@code anchor} (an id made by Scout, not profile text). */
    public static String html(ScoredProfile p, String anchor) {
        var a = p.account();
        StringBuilder out = new StringBuilder(2_048);
        out.append("<article class=\"card").append(p.flagged() ? " flagged" : "").append("\" id=\"").append(anchor).append("\">");
        out.append("<header><div><h3><bdi>").append(Html.escape(a.displayName().isBlank() ? a.handle() : a.displayName()))
                .append("</bdi></h3><p class=\"meta\"><bdi>").append(Html.escape(a.handle())).append("</bdi> · ")
                .append(Html.escape(a.platform().key()));
        if (!a.profileUrl().isBlank()) {
            out.append(" · ").append(Links.anchor(a.profileUrl(), "profile"));
        }
        a.website().ifPresent(w -> out.append(" · website ").append(Links.anchor(w, w)));
        out.append("</p></div><div class=\"score\"><strong>").append(Format.decimal1(p.score()))
                .append("</strong><span>/ 100</span><em>").append(p.flagged() ? "flagged" : "not flagged").append("</em></div></header>");
        if (!a.bio().isBlank()) {
            out.append("<p class=\"bio\"><bdi>").append(Html.escape(a.bio())).append("</bdi></p>");
        }
        facts(out, p);
        breakdown(out, p.components());
        out.append("<h4>Gates</h4><ul class=\"gates\">");
        for (ScoredProfile.Gate g : p.gates()) {
            out.append("<li class=\"").append(g.passed() ? "pass" : "fail").append("\">").append(g.passed() ? "✓ " : "✗ ")
                    .append(Html.escape(g.explanation())).append("</li>");
        }
        out.append("</ul>");
        evidence(out, p);
        out.append("</article>");
        return out.toString();
    }

    private static void facts(StringBuilder out, ScoredProfile p) {
        out.append("<dl class=\"facts\">");
        fact(out, "Followers", Format.count(p.account().followers()) + " · " + p.tier().name() + " " + p.tier().band());
        fact(out, "Engagement", Format.percent(p.engagement().rate()) + " (" + p.engagement().grade() + ")");
        fact(out, "Niche share", Format.percent(p.niche().share()) + " " + p.niche().target());
        fact(out, "Sponsored", Format.percent(p.sponsorship().share()) + " · " + p.sponsorship().brands().size() + " brands");
        fact(out, "Audience real", p.authenticity().audienceRealPct().isPresent()
                ? Format.decimal1(p.authenticity().audienceRealPct().getAsDouble()) + "%" : "no sample");
        fact(out, "Est. price / post", Format.usd(p.cost().estPriceUsd()));
        fact(out, "Cost / engagement", Format.usd(p.cost().costPerEngagementUsd()));
        p.contactEmail().ifPresent(e -> fact(out, "Contact", e));
        out.append("</dl>");
        out.append("<p class=\"small\">").append(Html.escape(p.engagement().definition())).append(" · benchmark ")
                .append(Html.escape(p.engagement().benchmark())).append("</p>");
    }

    private static void fact(StringBuilder out, String term, String value) {
        out.append("<div><dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd></div>");
    }

    private static void breakdown(StringBuilder out, List<ScoredProfile.ScoreComponent> components) {
        out.append("<h4>Score breakdown</h4><table class=\"breakdown\"><tbody>");
        for (ScoredProfile.ScoreComponent c : components) {
            double contribution = c.weight() * c.value() * 100;
            double max = c.weight() * 100;
            out.append("<tr><th>").append(Html.escape(c.name())).append("</th><td class=\"bar\">")
                    .append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 100 10\" class=\"meter\"><rect class=\"track\" "
                                    + "width=\"100\" height=\"10\" rx=\"3\"/><rect class=\"fill\" width=\"%.1f\" height=\"10\" rx=\"3\"/></svg>",
                            Math.max(0, Math.min(1, c.value())) * 100))
                    .append("</td><td class=\"num\">").append(Format.decimal1(contribution)).append(" / ")
                    .append(Format.decimal1(max)).append("</td><td>").append(Html.escape(c.explanation())).append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void evidence(StringBuilder out, ScoredProfile p) {
        out.append("<h4>Evidence</h4><ul class=\"evidence\">");
        if (!p.niche().evidence().isEmpty()) {
            out.append("<li><b>Niche terms:</b> ").append(Html.escape(String.join(", ", p.niche().evidence()))).append("</li>");
        }
        for (ScoredProfile.SponsoredPost post : p.sponsorship().posts()) {
            out.append("<li><b>Sponsored post</b> ").append(Links.anchor(post.url(), post.url().isBlank() ? post.postId() : post.url()))
                    .append(" — ").append(Html.escape(post.disclosure())).append(" disclosure");
            if (!post.brands().isEmpty()) {
                out.append(" · brands ").append(Html.escape(String.join(", ", post.brands())));
            }
            if (!post.evidence().isEmpty()) {
                out.append(" · ").append(Html.escape(String.join("; ", post.evidence())));
            }
            out.append("</li>");
        }
        for (String reason : p.authenticity().reasons()) {
            out.append("<li><b>Authenticity:</b> ").append(Html.escape(reason)).append("</li>");
        }
        for (ScoredProfile.Signal s : p.authenticity().signals()) {
            if (s.concern()) {
                out.append("<li class=\"concern\"><b>").append(Html.escape(s.name())).append(":</b> ")
                        .append(Html.escape(s.value())).append(" — ").append(Html.escape(s.explanation())).append("</li>");
            }
        }
        for (String note : p.engagement().notes()) {
            out.append("<li><b>Engagement note:</b> ").append(Html.escape(note)).append("</li>");
        }
        out.append("</ul>");
    }
}
