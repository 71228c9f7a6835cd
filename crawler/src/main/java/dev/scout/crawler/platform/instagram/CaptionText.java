package dev.scout.crawler.platform.instagram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashtags, {@code @}mentions and links in Instagram and Threads captions, which arrive as plain text without
 * facets. Stateless.
 *
 * <p>Meta's IG Media reference says the caption's {@code @} is stripped unless the app user admins the Page; if so,
 * mentions of other accounts cannot be read from Business Discovery captions and mention-based discovery finds
 * nothing on Instagram (reference §1.3; how this shows in practice is [UNVERIFIED]).
 */
final class CaptionText {
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]{1,100})");
    /** Instagram usernames: letters, digits, '.' and '_', at most 30; a trailing dot is sentence punctuation. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@])@([A-Za-z0-9._]{1,30})");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private CaptionText() {
    }

    static List<String> hashtags(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    /** Mentioned usernames, lower-case, without {@code @}, first occurrence order. */
    static List<String> mentions(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String h = m.group(1).replaceAll("\\.+$", "");
            if (!h.isEmpty()) {
                out.add(h.toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    static List<String> links(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String u = m.group().replaceAll("[).,;:!?]+$", "");
            if (!out.contains(u)) {
                out.add(u);
            }
        }
        return out;
    }
}
