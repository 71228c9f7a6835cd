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

    /** Keys as char arrays: comparing them is several times faster than {@link String#charAt} in a loop. */
    private final char[][] keys;
    private final int[] hashes;
    private final int[] ids;
    private final int mask;

    /** @param keys distinct strings; key {@code i} gets id {@code i} (a repeated key keeps its first id) */
    public CharTable(List<String> keys) {
        int size = Integer.highestOneBit(Math.max(4, keys.size() * 2 - 1)) << 1;
        this.keys = new char[size][];
        this.hashes = new int[size];
        this.ids = new int[size];
        this.mask = size - 1;
        Arrays.fill(ids, -1);
        for (int id = 0; id < keys.size(); id++) {
            String k = keys.get(id);
            int h = k.hashCode();
            int slot = spread(h) & mask;
            char[] chars = k.toCharArray();
            while (this.keys[slot] != null && !Arrays.equals(this.keys[slot], chars)) {
                slot = (slot + 1) & mask;
            }
            if (this.keys[slot] == null) {
                this.keys[slot] = chars;
                this.hashes[slot] = h;
                this.ids[slot] = id;
            }
        }
    }

    /** The hash {@link #find} expects for {@code a[from, to)}: the slice's {@link String#hashCode()}. */
    public static int hash(char[] a, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + a[i];
        }
        return h;
    }

    /** The id of the key equal to {@code a[from, to)} (whose {@link #hash} is {@code hash}), or -1. */
    public int find(char[] a, int from, int to, int hash) {
        int slot = spread(hash) & mask;
        for (char[] k = keys[slot]; k != null; k = keys[slot = (slot + 1) & mask]) {
            if (hashes[slot] == hash && equals(k, a, from, to)) {
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

    private static boolean equals(char[] k, char[] a, int from, int to) {
        if (k.length != to - from) {
            return false;
        }
        for (int i = 0; i < k.length; i++) {
            if (k[i] != a[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
