package dev.scout.crawler.discovery;

import dev.scout.model.Post;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The niche as discovery sees it: hashtags (followed on tag timelines, matched against post hashtags) and keywords
 * (matched as whole words in post text). Decides which posts are "niche posts" whose mentions and reposted authors
 * are worth crawling. Immutable and thread-safe.
 *
 * @param hashtags lower-case, without {@code #}
 * @param keywords lower-case words or phrases
 */
public record NicheTerms(Set<String> hashtags, Set<String> keywords) {

    public NicheTerms {
        hashtags = normalise(hashtags, true);
        keywords = normalise(keywords, false);
    }

    public static NicheTerms of(List<String> hashtags, List<String> keywords) {
        return new NicheTerms(new LinkedHashSet<>(hashtags), new LinkedHashSet<>(keywords));
    }

    /** True when the post carries a niche hashtag or its text contains a niche keyword as a whole word/phrase. */
    public boolean matches(Post post) {
        for (String tag : post.hashtags()) {
            if (hashtags.contains(tag.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return matchesText(post.text());
    }

    /** True when {@code text} (a post or a bio) holds a niche keyword or {@code #hashtag} as a whole word. */
    public boolean matchesText(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String tag : hashtags) {
            String t = "#" + tag;
            if (lower.contains(t) && wordPattern(t).matcher(lower).find()) {
                return true;
            }
        }
        return matchesKeyword(lower);
    }

    private boolean matchesKeyword(String text) {
        if (keywords.isEmpty()) {
            return false;
        }
        for (String k : keywords) {
            if (text.contains(k) && wordPattern(k).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern wordPattern(String keyword) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])");
    }

    private static Set<String> normalise(Set<String> in, boolean tags) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (in != null) {
            for (String s : in) {
                String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
                if (tags && v.startsWith("#")) {
                    v = v.substring(1);
                }
                if (!v.isEmpty()) {
                    out.add(v);
                }
            }
        }
        return Set.copyOf(out);
    }
}
