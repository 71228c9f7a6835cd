package dev.scout.scorer.niche;

import dev.scout.scorer.internal.text.Words;

import java.util.List;

/**
 * The int id of each word of the niche keywords, looked up by a word of a {@link Words} in place, without a string
 * for it: a hash table with open addressing (linear probing) over the keyword words, hashed as
 * {@link String#hashCode} hashes. Immutable and thread-safe.
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
            int slot = word.hashCode() & mask;
            while (keys[slot] != null) {
                if (keys[slot].equals(word)) {
                    throw new IllegalArgumentException("word '" + word + "' is listed twice");
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = word;
            hashes[slot] = word.hashCode();
            ids[slot] = id;
        }
    }

    /** The id of word {@code k} of {@code words}, or -1 when it is no keyword word. */
    int id(Words words, int k) {
        String chars = words.chars();
        int start = words.start(k);
        int length = words.end(k) - start;
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + chars.charAt(i);
        }
        for (int slot = hash & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && keys[slot].length() == length
                    && keys[slot].regionMatches(0, chars, start, length)) {
                return ids[slot];
            }
        }
        return -1;
    }
}
