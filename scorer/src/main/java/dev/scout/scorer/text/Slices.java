package dev.scout.scorer.text;

import java.util.Arrays;

/**
 * A growable run of character slices, each with its {@link CharTable#hash}: the words or the hashtags of a
 * {@link TextScan}, kept without a {@code String} each. Slice k is {@code chars()[start(k), end(k))}. Not
 * thread-safe; valid until the owning scan's next text.
 */
public final class Slices {

    private char[] chars;
    /** Slice k is {@code chars[start[k], start[k + 1])}. */
    private int[] start;
    private int[] hash;
    private int count;

    Slices(int chars, int slices) {
        this.chars = new char[chars];
        this.start = new int[slices + 1];
        this.hash = new int[slices + 1];
    }

    public int count() {
        return count;
    }

    /** Holds every slice. */
    public char[] chars() {
        return chars;
    }

    public int start(int k) {
        return start[k];
    }

    public int end(int k) {
        return start[k + 1];
    }

    public int hash(int k) {
        return hash[k];
    }

    /** Slice {@code k} as a string. */
    public String get(int k) {
        return new String(chars, start[k], start[k + 1] - start[k]);
    }

    void clear() {
        count = 0;
    }

    /** Where the next slice begins, after making room there for {@code n} characters (see {@link #chars()}). */
    int reserve(int n) {
        int at = start[count];
        if (at + n > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(at + n, chars.length * 2));
        }
        return at;
    }

    /** Ends the next slice at {@code end}, with its hash. */
    void keep(int end, int h) {
        if (count + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
            hash = Arrays.copyOf(hash, hash.length * 2);
        }
        hash[count] = h;
        start[++count] = end;
    }

    /** Ends the next slice at {@code end} unless an equal slice is already kept; true when it was new. */
    boolean keepIfNew(int end) {
        int from = start[count];
        int h = CharTable.hash(chars, from, end);
        for (int k = 0; k < count; k++) {
            if (hash[k] == h && Arrays.equals(chars, start[k], start[k + 1], chars, from, end)) {
                return false;
            }
        }
        keep(end, h);
        return true;
    }
}
