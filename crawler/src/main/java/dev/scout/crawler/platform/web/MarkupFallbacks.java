package dev.scout.crawler.platform.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallbacks after JSON-LD (reference §4.2–4.3): schema.org microdata, then OpenGraph / profile meta tags whose
 * abbreviated counts ({@code 12.5K Followers}) are parsed only as a last resort and marked approximate. Stateless.
 */
final class MarkupFallbacks {
    private static final Pattern NUM = Pattern.compile("([\\d][\\d.,]*)\\s*([KkMmBb])?");
    private static final Pattern FOLLOWERS = Pattern.compile("(?i)([\\d][\\d.,]*\\s*[KMB]?)\\s+Followers");
    private static final Pattern FOLLOWING = Pattern.compile("(?i)([\\d][\\d.,]*\\s*[KMB]?)\\s+Following");
    private static final Pattern POSTS = Pattern.compile("(?i)([\\d][\\d.,]*\\s*[KMB]?)\\s+Posts");

    private MarkupFallbacks() {
    }

    static Optional<PageProfile> microdata(Document doc) {
        Element person = doc.selectFirst("[itemscope][itemtype~=(?i)schema.org/(Person|Organization)$]");
        if (person == null) {
            return Optional.empty();
        }
        Map<String, Long> about = new HashMap<>();
        for (Element counter : person.select("[itemprop=interactionStatistic][itemscope]")) {
            String action = InteractionCounts.lastSegment(propValue(counter.selectFirst("[itemprop=interactionType]")));
            OptionalLong n = InteractionCounts.count(propValue(counter.selectFirst("[itemprop=userInteractionCount]")));
            if (!action.isEmpty() && n.isPresent()) {
                about.merge(action, n.getAsLong(), Long::sum);
            }
        }
        InteractionCounts counts = InteractionCounts.of(about);
        return Optional.of(new PageProfile("microdata", prop(person, "name").orElse(""), prop(person, "alternateName"),
                prop(person, "description").orElse(""), prop(person, "image"), prop(person, "sameAs"),
                prop(person, "url"), counts.get("followaction"), OptionalLong.empty(), counts.get("writeaction"),
                Optional.empty(), List.of(), false));
    }

    static Optional<PageProfile> openGraph(Document doc) {
        Optional<String> title = meta(doc, "og:title").or(() -> meta(doc, "twitter:title"));
        Optional<String> username = meta(doc, "profile:username");
        boolean profileType = meta(doc, "og:type").map(t -> t.equalsIgnoreCase("profile")).orElse(false);
        if (title.isEmpty() || !(profileType || username.isPresent())) {
            return Optional.empty();
        }
        String description = meta(doc, "og:description").or(() -> meta(doc, "description")).orElse("");
        OptionalLong followers = abbreviated(FOLLOWERS, description);
        OptionalLong following = abbreviated(FOLLOWING, description);
        OptionalLong posts = abbreviated(POSTS, description);
        boolean approx = followers.isPresent() || following.isPresent() || posts.isPresent();
        return Optional.of(new PageProfile("opengraph", title.get(), username, description, meta(doc, "og:image"),
                Optional.empty(), meta(doc, "og:url"), followers, following, posts, Optional.empty(), List.of(), approx));
    }

    /** {@code 12.5K} → 12500, {@code 1,843} → 1843, {@code 1.2M} → 1200000. */
    static OptionalLong abbreviated(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        Matcher n = NUM.matcher(m.group(1).strip());
        if (!n.matches()) {
            return OptionalLong.empty();
        }
        String digits = n.group(1);
        String suffix = n.group(2) == null ? "" : n.group(2).toUpperCase(Locale.ROOT);
        long mult = switch (suffix) {
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "B" -> 1_000_000_000L;
            default -> 1L;
        };
        try {
            if (mult == 1) {
                return InteractionCounts.count(digits.replace(".", ","));
            }
            double v = Double.parseDouble(digits.replace(",", "."));
            return OptionalLong.of(Math.round(v * mult));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static Optional<String> meta(Document doc, String key) {
        Element e = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return e == null ? Optional.empty() : Optional.of(e.attr("content").strip()).filter(s -> !s.isEmpty());
    }

    private static Optional<String> prop(Element scope, String name) {
        Element e = scope.selectFirst("[itemprop=" + name + "]");
        return e == null ? Optional.empty() : Optional.of(propValue(e)).filter(s -> !s.isBlank());
    }

    private static String propValue(Element e) {
        if (e == null) {
            return "";
        }
        if (e.hasAttr("content")) {
            return e.attr("content").strip();
        }
        if (e.hasAttr("href")) {
            return e.attr("abs:href").isEmpty() ? e.attr("href") : e.attr("abs:href");
        }
        if (e.hasAttr("src")) {
            return e.attr("abs:src").isEmpty() ? e.attr("src") : e.attr("abs:src");
        }
        return e.text().strip();
    }
}
