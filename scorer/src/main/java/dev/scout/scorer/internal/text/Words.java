package dev.scout.scorer.internal.text;

import java.util.Arrays;

/**
 * The word tokens of one text, in order, kept as the text's lower case with each word stemmed in place and where
 * each word starts and ends in it, so that preparing a caption makes no string per word (a string per word was a
 * fifth of the scorer's garbage) and copies no characters. Matchers read a word in place ({@link #hash},
 * {@link #is}); {@link #word} and {@link #toArray} cut strings out for tests and tools. Immutable and thread-safe
 * (the arrays are never handed out).
 */
public final class Words {

    static final Words NONE = new Words(new char[0], new int[0], 0);

    private final char[] chars;
    private final int[] bounds;
    private final int count;

    /** Word {@code k} is {@code chars[bounds[2k], bounds[2k + 1])}; takes the arrays, which nothing changes after. */
    Words(char[] chars, int[] bounds, int count) {
        this.chars = chars;
        this.bounds = bounds;
        this.count = count;
    }

    public int count() {
        return count;
    }

    /** Word {@code k}'s length. */
    public int length(int k) {
        return end(k) - start(k);
    }

    /** Word {@code k}'s {@linkplain #hash(String) hash}. */
    public int hash(int k) {
        int start = start(k);
        int end = end(k);
        return hash(chars[start], chars[Math.min(start + 1, end - 1)], chars[Math.max(end - 2, start)],
                chars[end - 1], end - start);
    }

    /**
     * A hash of a word (not empty) from its length and its first two and last two characters. Unlike
     * {@link String#hashCode} it costs the same for every word, and a caption's every word is looked up; a lookup
     * compares the words themselves on equal hashes anyway.
     */
    public static int hash(String word) {
        int last = word.length() - 1;
        return hash(word.charAt(0), word.charAt(Math.min(1, last)), word.charAt(Math.max(last - 1, 0)),
                word.charAt(last), word.length());
    }

    private static int hash(char first, char second, char beforeLast, char last, int length) {
        return (((length * 31 + first) * 31 + second) * 31 + beforeLast) * 31 + last;
    }

    /** Whether word {@code k} is {@code s}. */
    public boolean is(int k, String s) {
        int start = start(k);
        if (s.length() != end(k) - start) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != chars[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** Word {@code k} as a string of its own. */
    public String word(int k) {
        return new String(chars, start(k), length(k));
    }

    public String[] toArray() {
        String[] out = new String[count];
        for (int k = 0; k < count; k++) {
            out[k] = word(k);
        }
        return out;
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }

    /**
     * Where word {@code k} starts in the text's lower case ({@link PostText#lower}); a word of a platform's own
     * hashtags, which the text lacks, starts at or past the text's end.
     */
    public int start(int k) {
        return bounds[2 * k];
    }

    private int end(int k) {
        return bounds[2 * k + 1];
    }
}
