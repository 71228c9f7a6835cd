package dev.scout.scorer.internal.text;

import java.util.Arrays;

/**
 * The word tokens of one text, in order, kept as one string of their characters run together and the end of each
 * word in it, so that preparing a caption makes one string for all its words rather than one per word (a string per
 * word was a fifth of the scorer's garbage). Matchers read a word in place, between {@link #start} and
 * {@link #end} of {@link #chars}; {@link #word} and {@link #toArray} cut strings out for tests and tools.
 * Immutable and thread-safe (the ends array is not copied: it is never handed out).
 */
public final class Words {

    static final Words NONE = new Words("", new int[0], 0);

    private final String chars;
    private final int[] ends;
    private final int count;

    Words(String chars, int[] ends, int count) {
        this.chars = chars;
        this.ends = ends;
        this.count = count;
    }

    /** Every word's characters, one after another with nothing between them. */
    public String chars() {
        return chars;
    }

    public int count() {
        return count;
    }

    /** Where word {@code k} starts in {@link #chars}. */
    public int start(int k) {
        return k == 0 ? 0 : ends[k - 1];
    }

    /** Where word {@code k} ends in {@link #chars} (exclusive). */
    public int end(int k) {
        return ends[k];
    }

    /** Word {@code k} as a string of its own. */
    public String word(int k) {
        return chars.substring(start(k), end(k));
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

    /** Collects words one by one (each appended to the builder's characters, then {@link #endWord} called). */
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
        void append(String text, int from, int to) {
            int n = to - from;
            if (length + n > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
            }
            text.getChars(from, to, chars, length);
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
            return count == 0 ? NONE : new Words(new String(chars, 0, length), ends, count);
        }
    }
}
