package dev.scout.scorer.niche;

import dev.scout.scorer.internal.text.Words;

import java.util.List;

/**
 * The int id of each of a fixed list of words (the words that begin a niche keyword), looked up by a word of a
 * {@link Words} in place, without a string for it: a hash table with open addressing (linear probing), hashed by
 * {@link Words#hash}. Immutable and thread-safe.
 */
final class WordIds {

    private final String[] keys;
    private final int[] hashes;
    private final int[] ids;
    private final int mask;

    /** @param words distinct words; word {@code k} gets id {@code k} */
    WordIds(List<String> words) {
        int size = Integer.highestOneBit(Math.max(4, words.size() * 3)) * 2; // at most a third full
        keys = new String[size];
        hashes = new int[size];
        ids = new int[size];
        mask = size - 1;
        for (int id = 0; id < words.size(); id++) {
            String word = words.get(id);
            int slot = Words.hash(word) & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(word)) {
                    throw new IllegalArgumentException("word '" + word + "' is listed twice");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            hashes[slot] = Words.hash(word);
            ids[slot] = id;
        }
    }

    /** The id of word {@code k} of {@code words}, or -1 when it is no keyword word. */
    int id(Words words, int k) {
        int hash = words.hash(k);
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && words.is(k, keys[slot])) {
                return ids[slot];
            }
        }
        return -1;
    }
}
