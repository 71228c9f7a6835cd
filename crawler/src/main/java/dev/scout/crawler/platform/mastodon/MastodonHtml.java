package dev.scout.crawler.platform.mastodon;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Mastodon's sanitised HTML (only {@code p br span a} survive) to plain text and link targets. The input is hostile;
 * jsoup parses it as an inert fragment and nothing here executes or keeps markup.
 */
final class MastodonHtml {
    private MastodonHtml() {
    }

    /** Plain text with paragraph and line breaks kept as newlines. */
    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        // wholeText() already renders <br> as a newline; paragraphs need their break added.
        for (Element p : body.select("p")) {
            p.after(new TextNode("\n\n"));
        }
        return body.wholeText().replaceAll("[ \\t]*\n[ \\t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /**
     * Link targets from {@code href}s that are neither mentions nor hashtags (the visible text is truncated, so the
     * href is the truth). Only http(s) targets are kept.
     */
    static List<String> links(String html) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (html == null || html.isBlank()) {
            return List.of();
        }
        for (Element a : Jsoup.parseBodyFragment(html).select("a[href]")) {
            if (a.hasClass("mention") || a.hasClass("hashtag") || "tag".equalsIgnoreCase(a.attr("rel"))) {
                continue;
            }
            String href = a.attr("href").strip();
            if (href.regionMatches(true, 0, "http://", 0, 7) || href.regionMatches(true, 0, "https://", 0, 8)) {
                out.add(href);
            }
        }
        return List.copyOf(out);
    }

    /** The first http(s) link in a profile field value, e.g. a verified website. */
    static Optional<String> firstLink(String html) {
        return links(html).stream().findFirst();
    }
}
