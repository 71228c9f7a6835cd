package dev.scout.scorer.text;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of strings, each with an id (its index in the list given), that can be probed with a slice of
 * a {@code char[]} without building a {@code String}: the scorer's word and hashtag lookups run once per token of
 * every caption. Slices are hashed like {@link String#hashCode()}. Open addressing, load factor at most one half.
 * Immutable and thread-safe.
 */
public final class CharTable {

    /**
     * Key characters, all keys back to back: one small array stays in cache, where an array per key meant a likely
     * cache miss per lookup. Slot {@code s} holds {@code pool[start[s], start[s] + length[s])}; length -1 is empty.
     */
    private final char[] pool;
    private final int[] start;
    private final int[] length;
    private final int[] hashes;
    private final int[] ids;
    private final int mask;

    /** @param keys distinct strings; key {@code i} gets id {@code i} (a repeated key keeps its first id) */
    public CharTable(List<String> keys) {
        int size = Integer.highestOneBit(Math.max(4, keys.size() * 2 - 1)) << 1;
        this.start = new int[size];
        this.length = new int[size];
        this.hashes = new int[size];
        this.ids = new int[size];
        this.mask = size - 1;
        Arrays.fill(length, -1);
        StringBuilder chars = new StringBuilder();
        for (int id = 0; id < keys.size(); id++) {
            String k = keys.get(id);
            int h = k.hashCode();
            int slot = spread(h) & mask;
            while (length[slot] >= 0 && !chars.substring(start[slot], start[slot] + length[slot]).equals(k)) {
                slot = (slot + 1) & mask;
            }
            if (length[slot] < 0) {
                start[slot] = chars.length();
                length[slot] = k.length();
                chars.append(k);
                hashes[slot] = h;
                ids[slot] = id;
            }
        }
        this.pool = chars.toString().toCharArray();
    }

    /** The hash {@link #find} expects for {@code a[from, to)}: the slice's {@link String#hashCode()}. */
    public static int hash(char[] a, int from, int to) {
        // Four characters per step: h·31⁴ + (a·31³ + b·31² + c·31 + d) has one multiply-add on the chain from step to
        // step where the plain loop has four; the arithmetic is modulo 2³², so the value is the same.
        int h = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            h = 923_521 * h + (29_791 * a[i] + 961 * a[i + 1] + 31 * a[i + 2] + a[i + 3]);
        }
        for (; i < to; i++) {
            h = 31 * h + a[i];
        }
        return h;
    }

    /** The id of the key equal to {@code a[from, to)} (whose {@link #hash} is {@code hash}), or -1. */
    public int find(char[] a, int from, int to, int hash) {
        int n = to - from;
        for (int slot = spread(hash) & mask; length[slot] >= 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && length[slot] == n && sameChars(start[slot], a, from, n)) {
                return ids[slot];
            }
        }
        return -1;
    }

    /** The id of {@code key}, or -1. */
    public int find(String key) {
        char[] a = key.toCharArray();
        return find(a, 0, a.length, key.hashCode());
    }

    /** A plain loop: keys are short words, for which {@link Arrays#equals} spends more on setting up than on comparing. */
    private boolean sameChars(int at, char[] a, int from, int n) {
        for (int k = 0; k < n; k++) {
            if (pool[at + k] != a[from + k]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
