package dev.scout.scorer.internal.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tokenizer found in one text, collected into a {@link PostText}: the words (stemmed), the distinct hashtags
 * with their words, the URLs and the mentions. Both the plain {@link Tokenizer} and its fast path
 * {@link FastTokenizer} feed one of these, so the two differ only in how they walk the characters. Not thread-safe:
 * one instance per text.
 */
final class Tokens {

    /** Up to this many hashtags, a text's distinct tags are found by searching their list. */
    private static final int LINEAR_TAGS = 8;

    /** The text's lower case, which its words are cut from. */
    private final char[] lower;
    private final Words.Builder words;
    // Most texts have no URL or mention and few hashtags: these are made when the first one is found, and the set
    // that keeps hashtags distinct only past a few (until then the list is searched).
    private Set<String> tags;
    private List<String> tagList = List.of();
    private List<String> urls = List.of();
    private List<String> mentions = List.of();

    /** @param lower the text's lower case in its first {@code length} characters (read while tokenizing) */
    Tokens(char[] lower, int length) {
        this.lower = lower;
        this.words = new Words.Builder(length + 16); // the text's words and usually a structured tag
    }

    /** Adds the stem of the word {@code lower[start, end)}. */
    void word(int start, int end) {
        word(lower, start, end);
    }

    /**
     * The hashtag {@code text[from, to)} (without its {@code #}), whose lower case is {@code lowerText} (and
     * {@link #lower}) at the same positions: the tag, unless the text had it already, and its words, which count
     * each time, as repeated words do.
     */
    void hashtag(String text, String lowerText, int from, int to) {
        addTag(lowerText.substring(from, to));
        splitHashtag(text, lower, from, to);
    }

    /** A URL {@code text[from, to)}, trailing punctuation removed. */
    void url(String text, int from, int to) {
        urls = add(urls, text.substring(from, trimmedEnd(text, from, to)));
    }

    /** A mention {@code lowerText[from, to)} (after its {@code @}), trailing punctuation removed. */
    void mention(String lowerText, int from, int to) {
        mentions = add(mentions, lowerText.substring(from, trimmedEnd(lowerText, from, to)));
    }

    /** A platform's own hashtags (with or without {@code #}): tags the text lacks, and their words. */
    void structuredHashtags(List<String> tags) {
        for (int k = 0; k < tags.size(); k++) { // by index: an iterator per post showed in profiles
            String tag = tags.get(k);
            String raw = TextFolding.fold(tag.startsWith("#") ? tag.substring(1) : tag);
            String key = TextFolding.lower(raw);
            if (!raw.isEmpty() && addTag(key)) {
                splitHashtag(raw, key.toCharArray(), 0, raw.length());
            }
        }
    }

    PostText toPostText(String folded, String lower) {
        return new PostText(folded, lower, words.build(), readOnly(tagList), readOnly(urls), readOnly(mentions));
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

    /**
     * The words of the hashtag {@code tag[from, to)}: "PlantBasedRecipes" → plant, based, recipe; "vegan_food" →
     * vegan, food; "Top10Tips" → top, 10, tip. Boundaries are read in {@code tag}, whose case they need; the words
     * are cut from {@code tagLower}, its lower case at the same positions.
     */
    private void splitHashtag(String tag, char[] tagLower, int from, int to) {
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

    private void word(char[] lowerText, int start, int end) {
        Stemmer.appendStem(lowerText, start, end, words);
        words.endWord();
    }

    /**
     * A word starts at {@code i} of a hashtag ending at {@code to}: lower → upper ("plantBased"), letter ↔ digit,
     * or "VEGANFood" before the "F".
     */
    private static boolean isBoundary(String tag, int i, int to) {
        char prev = tag.charAt(i - 1);
        char c = tag.charAt(i);
        return (isLowerCase(prev) && isUpperCase(c))
                || isLetter(prev) != isLetter(c)
                || (i + 1 < to && isUpperCase(prev) && isUpperCase(c) && isLowerCase(tag.charAt(i + 1)));
    }

    // Character's own tests, answered without its tables for ASCII (most hashtags)

    private static boolean isLowerCase(char c) {
        return c < 128 ? c >= 'a' && c <= 'z' : Character.isLowerCase(c);
    }

    private static boolean isUpperCase(char c) {
        return c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? isLowerCase(c) || isUpperCase(c) : Character.isLetter(c);
    }

    /** Where {@code s[from, to)} ends once trailing punctuation (a full stop after a link, say) is cut off. */
    private static int trimmedEnd(String s, int from, int to) {
        int end = to;
        while (end > from && ".,;:!?)]}\"'".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static List<String> readOnly(List<String> list) {
        return list.isEmpty() ? List.of() : Collections.unmodifiableList(list);
    }

    private static List<String> add(List<String> list, String value) {
        List<String> out = list.isEmpty() ? new ArrayList<>(2) : list;
        out.add(value);
        return out;
    }
}
