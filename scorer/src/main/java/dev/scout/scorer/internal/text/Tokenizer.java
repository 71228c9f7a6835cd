package dev.scout.scorer.internal.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Splits folded text into URLs, mentions, hashtags and words, as {@link PostText} describes: mentions
 * ({@code @user@host}) and URLs are kept out of the words so that a handle such as {@code @tofu_fan} is not read
 * as the word "tofu", and hashtags are split on camel case, underscores and letter/digit changes
 * ({@code #PlantBasedRecipes} gives "plant based recipe", {@code #Top10Tips} "top 10 tip"). Not thread-safe: one
 * instance per text.
 */
final class Tokenizer {

    /** Up to this many hashtags, a text's distinct tags are found by searching their list. */
    private static final int LINEAR_TAGS = 8;

    private final String folded;
    private final String lower;
    private final Words.Builder words;
    // Most texts have no URL or mention and few hashtags: these are made when the first one is found, and the set
    // that keeps hashtags distinct only past a few (until then the list is searched).
    private Set<String> tags;
    private List<String> tagList = List.of();
    private List<String> urls = List.of();
    private List<String> mentions = List.of();

    private Tokenizer(String folded) {
        this.folded = folded;
        this.lower = TextFolding.lower(folded);
        this.words = new Words.Builder(folded.length() + 16); // the text's words and usually a structured tag
    }

    /** The prepared form of text already {@linkplain TextFolding#fold folded}, plus a platform's own hashtags. */
    static PostText tokenize(String folded, Collection<String> structuredHashtags) {
        Tokenizer t = new Tokenizer(folded);
        t.scan();
        for (String tag : structuredHashtags) {
            t.structuredHashtag(tag);
        }
        return new PostText(folded, t.lower, t.words.build(), readOnly(t.tagList), readOnly(t.urls),
                readOnly(t.mentions));
    }

    private void scan() {
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (c == '@' && i + 1 < n && isHandleChar(folded.charAt(i + 1))) {
                int end = endOfNonSpace(i + 1);
                mentions = add(mentions, trimTrailingPunctuation(lower.substring(i + 1, end)));
                i = end;
            } else if (c == '#' && i + 1 < n && isLetterOrDigit(folded.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (isLetterOrDigit(folded.charAt(end)) || folded.charAt(end) == '_')) {
                    end++;
                }
                addTag(lower.substring(i + 1, end));
                splitHashtag(folded, lower, i + 1, end); // its words count each time, as repeated words do
                i = end;
            } else if (isUrlStart(i)) {
                int end = endOfNonSpace(i);
                urls = add(urls, trimTrailingPunctuation(folded.substring(i, end)));
                i = end;
            } else if (isLetterOrDigit(c)) {
                int end = i + 1;
                while (end < n && isLetterOrDigit(folded.charAt(end))) {
                    end++;
                }
                word(lower, i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** Adds hashtag {@code key} (lower case) unless present; true when it is new. */
    private boolean addTag(String key) {
        if (tags == null ? tagList.contains(key) : tags.contains(key)) {
            return false;
        }
        tagList = add(tagList, key);
        if (tags != null) {
            tags.add(key);
        } else if (tagList.size() > LINEAR_TAGS) {
            tags = new HashSet<>(tagList);
        }
        return true;
    }

    private static List<String> readOnly(List<String> list) {
        return list.isEmpty() ? List.of() : Collections.unmodifiableList(list);
    }

    private static List<String> add(List<String> list, String value) {
        List<String> out = list.isEmpty() ? new ArrayList<>(2) : list;
        out.add(value);
        return out;
    }

    /** A hashtag given outside the text (as a platform sends it, with or without {@code #}): the tag and its words. */
    private void structuredHashtag(String tag) {
        String raw = TextFolding.fold(tag.startsWith("#") ? tag.substring(1) : tag);
        String key = TextFolding.lower(raw);
        if (!raw.isEmpty() && addTag(key)) {
            splitHashtag(raw, key, 0, raw.length());
        }
    }

    /**
     * The words of the hashtag {@code tag[from, to)}: "PlantBasedRecipes" → plant, based, recipe; "vegan_food" →
     * vegan, food; "Top10Tips" → top, 10, tip. Boundaries are read in {@code tag}, whose case they need; the words
     * are cut from {@code tagLower}, its lower case at the same positions.
     */
    private void splitHashtag(String tag, String tagLower, int from, int to) {
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || tag.charAt(i) == '_' || tag.charAt(i - 1) == '_' || isBoundary(tag, i, to)) {
                if (start < i && tag.charAt(start) != '_') {
                    word(tagLower, start, i);
                }
                start = i;
            }
        }
    }

    /**
     * A word starts at {@code i} of a hashtag ending at {@code to}: lower → upper ("plantBased"), letter ↔ digit,
     * or "VEGANFood" before the "F".
     */
    private static boolean isBoundary(String tag, int i, int to) {
        char prev = tag.charAt(i - 1);
        char c = tag.charAt(i);
        return (Character.isLowerCase(prev) && Character.isUpperCase(c))
                || Character.isLetter(prev) != Character.isLetter(c)
                || (i + 1 < to && Character.isUpperCase(prev) && Character.isUpperCase(c)
                    && Character.isLowerCase(tag.charAt(i + 1)));
    }

    /** Adds the stem of the word {@code lowerText[start, end)} to the words. */
    private void word(String lowerText, int start, int end) {
        Stemmer.appendStem(lowerText, start, end, words.chars());
        words.endWord();
    }

    /** "http://" or "https://" at {@code i}, at the start of a word. */
    private boolean isUrlStart(int i) {
        return (folded.charAt(i) == 'h' || folded.charAt(i) == 'H') && lower.startsWith("http", i) && (lower.startsWith("://", i + 4) || lower.startsWith("s://", i + 4))
                && (i == 0 || !isLetterOrDigit(folded.charAt(i - 1)));
    }

    private static boolean isHandleChar(char c) {
        return isLetterOrDigit(c) || c == '_';
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without a table lookup for ASCII (most characters). */
    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            char letter = (char) (c | 0x20);
            return (letter >= 'a' && letter <= 'z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private int endOfNonSpace(int from) {
        int end = from;
        while (end < folded.length() && !Character.isWhitespace(folded.charAt(end))) {
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
}
