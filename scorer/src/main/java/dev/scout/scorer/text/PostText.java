package dev.scout.scorer.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One piece of text (a caption or a bio) prepared once for every detector: folded text, its lower-case form, the
 * word tokens (lower case, plural-stemmed, hashtags split on camel case so {@code #PlantBasedRecipes} gives
 * "plant based recipe"), the set of whole hashtags (lower case, no {@code #}) and the URLs found in the text.
 *
 * <p>Mentions ({@code @user@host}) and URLs are kept out of the word tokens so that a handle such as
 * {@code @tofu_fan} is not read as the word "tofu". Immutable and thread-safe.
 *
 * @param folded   text after {@link TextFolding#fold}
 * @param lower    {@code folded} in lower case
 * @param words    word tokens in order
 * @param hashtags whole hashtags, lower case, from the text and from the structured list
 * @param urls     http(s) URLs written in the text
 * @param mentions handles written in the text, lower case, without the leading {@code @}
 */
public record PostText(String folded, String lower, String[] words, Set<String> hashtags, List<String> urls,
                       List<String> mentions) {

    /** Prepares {@code text} plus structured hashtags (as a platform gives them, with or without {@code #}). */
    public static PostText of(String text, Collection<String> structuredHashtags) {
        String folded = TextFolding.fold(text);
        String lower = folded.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(Math.max(10, lower.length() / 6)); // about one word per six chars
        Set<String> tags = new LinkedHashSet<>();
        List<String> urls = new ArrayList<>(0);
        List<String> mentions = new ArrayList<>(0);
        // Lower-casing can change the length of rare characters (İ); then words are lower-cased one by one.
        tokenize(folded, lower.length() == folded.length() ? lower : null, words, tags, urls, mentions);
        for (String tag : structuredHashtags) {
            String t = TextFolding.foldLower(tag.startsWith("#") ? tag.substring(1) : tag);
            if (!t.isEmpty() && tags.add(t)) {
                splitHashtag(TextFolding.fold(tag.startsWith("#") ? tag.substring(1) : tag), words);
            }
        }
        return new PostText(folded, lower, words.toArray(String[]::new), java.util.Collections.unmodifiableSet(tags),
                urls.isEmpty() ? List.of() : List.copyOf(urls), mentions.isEmpty() ? List.of() : List.copyOf(mentions));
    }

    public static PostText of(String text) {
        return of(text, List.of());
    }

    private static void tokenize(String s, String lower, List<String> words, Set<String> tags, List<String> urls,
                                 List<String> mentions) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if ((c == 'h' || c == 'H') && s.regionMatches(true, i, "http", 0, 4) && isUrlStart(s, i)) {
                int end = endOfNonSpace(s, i);
                urls.add(trimTrailingPunctuation(s.substring(i, end)));
                i = end;
            } else if (c == '@' && i + 1 < n && isWordChar(s.charAt(i + 1))) {
                int end = endOfNonSpace(s, i + 1);
                mentions.add(trimTrailingPunctuation(s.substring(i + 1, end)).toLowerCase(Locale.ROOT));
                i = end;
            } else if (c == '#' && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                    end++;
                }
                String raw = s.substring(i + 1, end);
                tags.add(raw.toLowerCase(Locale.ROOT));
                splitHashtag(raw, words);
                i = end;
            } else if (isLetterOrDigit(c)) {
                int end = i + 1;
                while (end < n && isLetterOrDigit(s.charAt(end))) {
                    end++;
                }
                words.add(lower != null ? Stemmer.stem(lower, i, end)
                        : Stemmer.stem(s.substring(i, end).toLowerCase(Locale.ROOT)));
                i = end;
            } else {
                i++;
            }
        }
    }

    private static boolean isLowerAsciiWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isUrlStart(String s, int i) {
        return s.startsWith("://", i + 4) || s.regionMatches(true, i + 4, "s://", 0, 4);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int endOfNonSpace(String s, int from) {
        int end = from;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?)]}\"'".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** "PlantBasedRecipes" → plant, based, recipe; "vegan_food" → vegan, food; "Top10Tips" → top, 10, tip. */
    static void splitHashtag(String raw, List<String> words) {
        if (isLowerAsciiWord(raw)) {
            words.add(Stemmer.stem(raw)); // "vegan": one piece, no case or letter/digit boundary inside
            return;
        }
        for (String piece : raw.split("_")) {
            int n = piece.length();
            int start = 0;
            for (int i = 1; i <= n; i++) {
                boolean boundary = i == n;
                if (!boundary) {
                    char prev = piece.charAt(i - 1);
                    char c = piece.charAt(i);
                    boundary = (Character.isLowerCase(prev) && Character.isUpperCase(c))
                            || Character.isLetter(prev) != Character.isLetter(c)
                            || (i + 1 < n && Character.isUpperCase(prev) && Character.isUpperCase(c)
                                && Character.isLowerCase(piece.charAt(i + 1)));
                }
                if (boundary && i > start) {
                    words.add(Stemmer.stem(piece.substring(start, i).toLowerCase(Locale.ROOT)));
                    start = i;
                }
            }
        }
    }
}
