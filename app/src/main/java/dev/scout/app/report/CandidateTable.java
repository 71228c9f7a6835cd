package dev.scout.app.report;

import dev.scout.scorer.ScoredProfile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The sortable candidate table ({@code table#candidates}): one row per profile, best score first. Numeric cells
 * carry their raw value in {@code data-sort} (−1 when unknown) so the inline script sorts numbers as numbers.
 * Stateless.
 */
final class CandidateTable {

    private CandidateTable() {
    }

    /**
     * @param ranked  profiles, best first
     * @param cardIds card anchor per profile id, for rows that have a card
     */
    static String html(List<ScoredProfile> ranked, Map<String, String> cardIds) {
        StringBuilder out = new StringBuilder(512 + ranked.size() * 600);
        out.append("<table id=\"candidates\" class=\"candidates\"><thead><tr>");
        header(out, "rank", "#", true);
        header(out, "handle", "Profile", false);
        header(out, "platform", "Platform", false);
        header(out, "followers", "Followers", true);
        header(out, "engagement_rate", "Engagement", true);
        header(out, "niche_share", "Niche", true);
        header(out, "sponsored_share", "Sponsored", true);
        header(out, "score", "Score", true);
        header(out, "flagged", "Flagged", true);
        out.append("</tr></thead><tbody>");
        int rank = 0;
        for (ScoredProfile p : ranked) {
            rank++;
            out.append(p.flagged() ? "<tr class=\"flagged\">" : "<tr>");
            numeric(out, rank, Integer.toString(rank));
            String label = "<bdi>" + Html.escape(p.account().handle()) + "</bdi>";
            String card = cardIds.get(p.account().id());
            out.append("<td class=\"handle\">")
                    .append(card == null ? label : "<a href=\"#" + card + "\">" + label + "</a>");
            if (!p.account().displayName().isBlank()) {
                out.append("<span class=\"name\"><bdi>").append(Html.escape(p.account().displayName())).append("</bdi></span>");
            }
            out.append("</td><td>").append(Html.escape(p.account().platform().key())).append("</td>");
            long followers = p.account().followers().orElse(-1);
            numeric(out, followers, Format.count(p.account().followers()));
            numeric(out, p.engagement().rate(), Format.percent(p.engagement().rate()));
            numeric(out, p.niche().share(), Format.percent(p.niche().share()));
            numeric(out, p.sponsorship().share(), Format.percent(p.sponsorship().share()));
            numeric(out, p.score(), Format.decimal1(p.score()));
            numeric(out, p.flagged() ? 1 : 0, p.flagged() ? "✓ yes" : "no");
            out.append("</tr>");
        }
        out.append("</tbody></table>");
        return out.toString();
    }

    private static void header(StringBuilder out, String key, String label, boolean number) {
        out.append("<th data-key=\"").append(key).append("\" data-type=\"").append(number ? "number" : "text")
                .append("\"><button type=\"button\">").append(Html.escape(label)).append("</button></th>");
    }

    private static void numeric(StringBuilder out, OptionalDouble value, String shown) {
        numeric(out, value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : -1, shown);
    }

    private static void numeric(StringBuilder out, double value, String shown) {
        out.append("<td class=\"num\" data-sort=\"").append(Double.isFinite(value)
                        ? String.format(Locale.ROOT, "%.6f", value) : "-1")
                .append("\">").append(Html.escape(shown)).append("</td>");
    }
}
