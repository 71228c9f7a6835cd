package dev.scout.simnet.mastodon;

import dev.scout.simnet.population.Segment;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Renders post segments and bios the way Mastodon's sanitiser emits them (reference §1.4): one {@code <p>},
 * escaped text, hashtags as {@code <a class="mention hashtag" rel="tag">}, mentions inside an {@code h-card} span,
 * and links split into invisible/ellipsis spans whose visible text is truncated (the href holds the full URL).
 */
final class ContentHtml {

    private static final int VISIBLE = 30;

    private ContentHtml() {
    }

    /**
     * @param tagBase      base URL of the serving instance (for {@code /tags/x})
     * @param mentionTarget maps a mentioned account index to {@code {profileUrl, username}}
     */
    static String render(List<Segment> segments, String tagBase, IntFunction<String[]> mentionTarget) {
        StringBuilder sb = new StringBuilder("<p>");
        for (Segment s : segments) {
            if (s instanceof Segment.Text t) {
                sb.append(escape(t.text()));
            } else if (s instanceof Segment.Hashtag h) {
                sb.append("<a href=\"").append(tagBase).append("/tags/").append(escape(h.tag().toLowerCase(java.util.Locale.ROOT)))
                        .append("\" class=\"mention hashtag\" rel=\"tag\">#<span>").append(escape(h.tag())).append("</span></a>");
            } else if (s instanceof Segment.Mention m) {
                String[] target = mentionTarget.apply(m.accountIndex());
                sb.append("<span class=\"h-card\" translate=\"no\"><a href=\"").append(escape(target[0]))
                        .append("\" class=\"u-url mention\">@<span>").append(escape(target[1])).append("</span></a></span>");
            } else if (s instanceof Segment.Link l) {
                sb.append(link(l.url()));
            }
        }
        return sb.append("</p>").toString();
    }

    /** A bio as Mastodon stores it: escaped text in one paragraph (so markup in a bio becomes literal text). */
    static String paragraph(String text) {
        return text.isEmpty() ? "" : "<p>" + escape(text).replace("\n", "<br />") + "</p>";
    }

    static String link(String url) {
        int schemeEnd = url.indexOf("://") + 3;
        String prefix = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd);
        if (rest.startsWith("www.")) {
            prefix += "www.";
            rest = rest.substring(4);
        }
        boolean truncated = rest.length() > VISIBLE;
        String visible = truncated ? rest.substring(0, VISIBLE) : rest;
        String hidden = truncated ? rest.substring(VISIBLE) : "";
        return "<a href=\"" + escape(url) + "\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">"
                + "<span class=\"invisible\">" + escape(prefix) + "</span><span class=\"" + (truncated ? "ellipsis" : "")
                + "\">" + escape(visible) + "</span><span class=\"invisible\">" + escape(hidden) + "</span></a>";
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
