package dev.scout.scorer.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** The text's lower case, its words stemmed where they stand, then the words of structured hashtags. */
    private char[] chars;
    private int length;
    /** Word {@code k} is {@code chars[bounds[2k], bounds[2k + 1])}. */
    private int[] bounds = new int[32];
    private int wordCount;
    // Most texts have no URL or mention and few hashtags: these are made when the first one is found, and the set
    // that keeps hashtags distinct only past a few (until then the list is searched).
    private Set<String> tags;
    private List<String> tagList = List.of();
    private List<String> urls = List.of();
    private List<String> mentions = List.of();

    /**
     * @param lower the text's lower case in its first {@code length} characters, which these tokens then own: the
     *              words found are stemmed where they stand, which turns letters only into letters, so the
     *              tokenizer reading on sees the same letters, digits and spaces
     */
    Tokens(char[] lower, int length) {
        this.chars = lower;
        this.length = length;
    }

    /** Adds the stem of the word {@code lower[start, end)}. */
    void word(int start, int end) {
        if (2 * wordCount == bounds.length) {
            bounds = Arrays.copyOf(bounds, 2 * bounds.length);
        }
        bounds[2 * wordCount] = start;
        bounds[2 * wordCount + 1] = Stemmer.stemInPlace(chars, start, end);
        wordCount++;
    }

    /**
     * The hashtag {@code text[from, to)} (without its {@code #}), whose lower case is {@code lowerText} (and
     * {@link #chars}) at the same positions: the tag, unless the text had it already, and its words, which count
     * each time, as repeated words do.
     */
    void hashtag(String text, String lowerText, int from, int to) {
        addTag(lowerText.substring(from, to));
        splitHashtag(text, from, to, from);
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
                splitHashtag(raw, 0, raw.length(), append(key));
            }
        }
    }

    PostText toPostText(String folded, String lower) {
        Words words = wordCount == 0 ? Words.NONE : new Words(chars, bounds, wordCount);
        return new PostText(folded, lower, words, readOnly(tagList), readOnly(urls), readOnly(mentions));
    }

    /** Copies {@code s} after the text (the room left there usually saves growing it); where it starts. */
    private int append(String s) {
        int start = length;
        length += s.length();
        if (length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length));
        }
        s.getChars(0, s.length(), chars, start);
        return start;
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
     * are cut from {@link #chars}, which holds the tag's lower case from {@code lowerFrom}.
     */
    private void splitHashtag(String tag, int from, int to, int lowerFrom) {
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || tag.charAt(i) == '_' || tag.charAt(i - 1) == '_' || isBoundary(tag, i, to)) {
                if (start < i && tag.charAt(start) != '_') {
                    word(lowerFrom + start - from, lowerFrom + i - from);
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
