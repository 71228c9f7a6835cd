package dev.scout.scorer.internal.text;

import java.util.Arrays;

/**
 * The word tokens of one text, in order, kept as one array of their characters run together and the end of each
 * word in it, so that preparing a caption makes no string per word (a string per word was a fifth of the scorer's
 * garbage). Matchers read a word in place ({@link #hash}, {@link #is}); {@link #word} and {@link #toArray} cut
 * strings out for tests and tools. Immutable and thread-safe (the arrays are never handed out).
 */
public final class Words {

    static final Words NONE = new Words(new char[0], new int[0], 0);

    private final char[] chars;
    private final int[] ends;
    private final int count;

    private Words(char[] chars, int[] ends, int count) {
        this.chars = chars;
        this.ends = ends;
        this.count = count;
    }

    public int count() {
        return count;
    }

    /** Word {@code k}'s length. */
    public int length(int k) {
        return ends[k] - start(k);
    }

    /** Word {@code k}'s {@linkplain #hash(String) hash}. */
    public int hash(int k) {
        int start = start(k);
        return hash(chars[start], chars[Math.min(start + 1, ends[k] - 1)], chars[Math.max(ends[k] - 2, start)],
                chars[ends[k] - 1], ends[k] - start);
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
        if (s.length() != ends[k] - start) {
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

    private int start(int k) {
        return k == 0 ? 0 : ends[k - 1];
    }

    /**
     * Collects words one by one (each appended to the builder's characters, then {@link #endWord} called);
     * {@link #build} hands its arrays to the words, so nothing is appended after it.
     */
    static final class Builder {

        private char[] chars;
        private int length;
        private int[] ends;
        private int count;

        /** @param expectedChars how many characters the words will likely take, to size the storage once */
        Builder(int expectedChars) {
            chars = new char[Math.max(expectedChars, 16)];
            // A word of a text takes at least two characters with the separator after it, and most take more
            ends = new int[Math.max(expectedChars / 4, 16)];
        }

        /** Appends {@code text[from, to)} to the word being collected. */
        void append(char[] text, int from, int to) {
            int n = to - from;
            if (length + n > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
            }
            System.arraycopy(text, from, chars, length, n);
            length += n;
        }

        /** Appends {@code c} to the word being collected. */
        void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, chars.length * 2);
            }
            chars[length++] = c;
        }

        /** Ends the word whose characters were appended since the last call. */
        void endWord() {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = length;
        }

        Words build() {
            return count == 0 ? NONE : new Words(chars, ends, count);
        }
    }
}
