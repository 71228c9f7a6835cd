package dev.scout.app.serve;

import dev.scout.app.report.Format;
import dev.scout.app.report.Html;
import dev.scout.model.Platform;
import dev.scout.store.CandidatePage;
import dev.scout.store.CandidateQuery.ReviewFilter;
import dev.scout.store.CandidateQuery.Sort;
import dev.scout.store.CandidateRow;
import dev.scout.store.RunInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The candidate list: the filter form ({@code id="filters"}, one field per {@link ListParams} name), one page of
 * {@code <tr data-profile="…">} rows in {@code table#candidates} inside {@code form#compare-form}, and the pager
 * ({@code #pager}, {@code a#prev}, {@code a#next}, {@code #result-count[data-total]}). Profile text is escaped.
 * Stateless.
 */
final class CandidateListPage {
    static final List<String> TIERS = List.of("below-nano", "nano", "micro", "mid", "macro", "mega", "unknown");
    static final List<String> GRADES = List.of("low", "average", "above-average", "high", "unknown");

    private CandidateListPage() {
    }

    static String html(List<RunInfo> runs, long runId, ListParams params, CandidatePage page) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<h1>Candidates</h1><p class=\"sub\">Run ").append(runId).append(" · ")
                .append("<span id=\"result-count\" data-total=\"").append(page.total()).append("\">")
                .append(page.total()).append(page.total() == 1 ? " candidate" : " candidates").append(" match</span></p>");
        filters(out, runs, runId, params);
        pager(out, params, page.total(), true);
        out.append("<form id=\"compare-form\" method=\"get\" action=\"/compare\">")
                .append("<input type=\"hidden\" name=\"run\" value=\"").append(runId).append("\">");
        table(out, runId, params, page.rows());
        out.append("<p><button type=\"submit\" id=\"compare-button\">Compare (2–4)</button></p></form>");
        pager(out, params, page.total(), false);
        return out.toString();
    }

    private static void filters(StringBuilder out, List<RunInfo> runs, long runId, ListParams p) {
        out.append("<form id=\"filters\" class=\"filters\" method=\"get\" action=\"/candidates\">");
        out.append("<label>Run<select name=\"run\">");
        for (RunInfo r : runs) {
            option(out, String.valueOf(r.id()), "run " + r.id() + " · " + r.startedAt().toString().substring(0, 16).replace('T', ' '),
                    r.id() == runId);
        }
        out.append("</select></label>");
        out.append("<label>Niche<input type=\"text\" name=\"niche\" value=\"").append(Html.escape(p.get("niche").orElse("")))
                .append("\" placeholder=\"any\"></label>");
        select(out, "Platform", "platform", Arrays.stream(Platform.values()).map(Platform::key).toList(), p);
        select(out, "Tier", "tier", TIERS, p);
        select(out, "Flagged", "flagged", List.of("yes", "no"), p);
        out.append("<label>Score from<input type=\"number\" name=\"min_score\" min=\"0\" max=\"100\" step=\"any\" value=\"")
                .append(Html.escape(p.get("min_score").orElse(""))).append("\"></label>");
        out.append("<label>to<input type=\"number\" name=\"max_score\" min=\"0\" max=\"100\" step=\"any\" value=\"")
                .append(Html.escape(p.get("max_score").orElse(""))).append("\"></label>");
        select(out, "Engagement", "grade", GRADES, p);
        select(out, "Suspicious", "suspicious", List.of("yes", "no"), p);
        select(out, "Review", "review", ListParams.keys(ReviewFilter.class).stream().filter(k -> !k.equals("any")).toList(), p);
        out.append("<label>Sort<select name=\"sort\">");
        for (String k : ListParams.keys(Sort.class)) {
            option(out, k, k.replace('_', ' '), k.equals(p.sort().name().toLowerCase(java.util.Locale.ROOT)));
        }
        out.append("</select></label><label>Order<select name=\"dir\">");
        option(out, "desc", "largest first", p.descending());
        option(out, "asc", "smallest first", !p.descending());
        out.append("</select></label>");
        out.append("<button type=\"submit\" class=\"primary\" id=\"apply\">Apply</button>")
                .append("<a class=\"button\" id=\"reset\" href=\"/candidates?run=").append(runId).append("\">Reset</a></form>");
    }

    private static void select(StringBuilder out, String label, String name, List<String> choices, ListParams p) {
        String current = p.get(name).orElse("");
        out.append("<label>").append(label).append("<select name=\"").append(name).append("\">");
        option(out, "", "any", current.isEmpty());
        for (String c : choices) {
            option(out, c, c, c.equals(current));
        }
        out.append("</select></label>");
    }

    private static void option(StringBuilder out, String value, String label, boolean selected) {
        out.append("<option value=\"").append(Html.escape(value)).append('"').append(selected ? " selected" : "").append('>')
                .append(Html.escape(label)).append("</option>");
    }

    private static void table(StringBuilder out, long runId, ListParams p, List<CandidateRow> rows) {
        out.append("<table class=\"candidates\" id=\"candidates\"><thead><tr><th class=\"plain\">Pick</th>");
        head(out, p, "Score", Sort.SCORE, true);
        head(out, p, "Profile", Sort.HANDLE, false);
        out.append("<th class=\"plain\">Platform</th><th class=\"plain\">Tier</th>");
        head(out, p, "Followers", Sort.FOLLOWERS, true);
        head(out, p, "Engagement", Sort.ENGAGEMENT, true);
        head(out, p, "Niche", Sort.NICHE_SHARE, true);
        head(out, p, "Price / post", Sort.PRICE, true);
        out.append("<th class=\"plain\">Flags</th>");
        head(out, p, "Review", Sort.REVIEWED_AT, false);
        out.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            out.append("<tr><td colspan=\"11\" id=\"no-candidates\">No candidate matches these filters.</td></tr>");
        }
        for (CandidateRow r : rows) {
            String id = Html.escape(r.refId());
            String link = "/candidate?run=" + runId + "&id=" + URLEncoder.encode(r.refId(), StandardCharsets.UTF_8);
            out.append("<tr data-profile=\"").append(id).append('"').append(r.flagged() ? " class=\"flagged\"" : "").append('>')
                    .append("<td><input type=\"checkbox\" name=\"id\" value=\"").append(id).append("\" aria-label=\"compare\"></td>")
                    .append("<td class=\"num\">").append(Format.decimal1(r.score())).append("</td>")
                    .append("<td><a class=\"handle\" href=\"").append(Html.escape(link)).append("\"><bdi>")
                    .append(Html.escape(r.handle())).append("</bdi></a>");
            if (!r.displayName().isBlank()) {
                out.append("<span class=\"name\"><bdi>").append(Html.escape(r.displayName())).append("</bdi></span>");
            }
            out.append("</td><td>").append(Html.escape(r.platform())).append("</td><td>").append(Html.escape(r.tier()))
                    .append("</td><td class=\"num\">").append(Format.count(r.followers()))
                    .append("</td><td class=\"num\">").append(Format.percent(r.engagementRate())).append(" <span class=\"name\">")
                    .append(Html.escape(r.grade())).append("</span></td><td class=\"num\">").append(Format.percent(r.nicheShare()))
                    .append("</td><td class=\"num\">").append(Format.usd(r.estPriceUsd())).append("</td><td>")
                    .append(r.flagged() ? "flagged " : "").append(r.suspicious() ? "<span class=\"status rejected\">suspicious</span>" : "")
                    .append("</td><td>");
            r.review().ifPresent(v -> out.append("<span class=\"status ").append(v.status().key()).append("\">")
                    .append(v.status().key()).append("</span>"));
            out.append("</td></tr>");
        }
        out.append("</tbody></table>");
    }

    private static void head(StringBuilder out, ListParams p, String label, Sort sort, boolean numeric) {
        boolean current = p.sort() == sort;
        boolean nextDescending = current ? !p.descending() : sort != Sort.HANDLE;
        String href = p.href(Map.of("sort", sort.name().toLowerCase(java.util.Locale.ROOT),
                "dir", nextDescending ? "desc" : "asc", "page", ""));
        out.append("<th").append(numeric ? " class=\"num\"" : "");
        if (current) {
            out.append(" aria-sort=\"").append(p.descending() ? "descending" : "ascending").append('"');
        }
        out.append("><a href=\"").append(Html.escape(href)).append("\" data-sort=\"")
                .append(sort.name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(label)
                .append(current ? (p.descending() ? " ▼" : " ▲") : "").append("</a></th>");
    }

    /** The pager; the one above the table carries the ids {@code pager}, {@code prev}, {@code next}. */
    private static void pager(StringBuilder out, ListParams p, long total, boolean ids) {
        long pages = Math.max(1, (total + p.size() - 1) / p.size());
        long page = p.page();
        out.append("<nav class=\"pager\"").append(ids ? " id=\"pager\"" : "").append('>');
        if (page > 1) {
            out.append("<a class=\"button\"").append(ids ? " id=\"prev\"" : "").append(" rel=\"prev\" href=\"")
                    .append(Html.escape(p.href(Map.of("page", String.valueOf(Math.min(page - 1, pages)))))).append("\">← Previous</a>");
        }
        out.append("<span>Page ").append(page).append(" of ").append(pages).append("</span>");
        if (page < pages) {
            out.append("<a class=\"button\"").append(ids ? " id=\"next\"" : "").append(" rel=\"next\" href=\"")
                    .append(Html.escape(p.href(Map.of("page", String.valueOf(page + 1))))).append("\">Next →</a>");
        }
        out.append("</nav>");
    }
}
