package dev.scout.scorer.internal.sponsorship;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many sponsored posts of one profile name each brand. A profile names a handful of brands, so the counts live
 * in two small parallel arrays searched in order (no map entries, no boxed counts); past {@link #LINEAR} brands a
 * hash index keeps a hostile profile naming hundreds of brands linear. Not thread-safe: one per summary.
 */
final class BrandCounts {

    /** Up to this many distinct brands a linear search is cheaper than hashing. */
    private static final int LINEAR = 12;

    private String[] names = new String[8];
    private int[] counts = new int[8];
    private int size;
    private Map<String, Integer> index = Map.of();

    /** Counts one more post naming {@code brand}. */
    void add(String brand) {
        int at = indexOf(brand);
        if (at >= 0) {
            counts[at]++;
            return;
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        names[size] = brand;
        counts[size] = 1;
        if (size == LINEAR) { // switch to a hash index from here on
            index = new HashMap<>();
            for (int k = 0; k < size; k++) {
                index.put(names[k], k);
            }
        }
        if (size >= LINEAR) {
            index.put(brand, size);
        }
        size++;
    }

    /** Posts naming {@code brand}; 0 when none does. */
    int count(String brand) {
        int at = indexOf(brand);
        return at < 0 ? 0 : counts[at];
    }

    /**
     * The distinct brands, most posts first, ties by name: sorted by name, then by primitive keys (posts, then
     * place by name), with no boxed indices and no comparator.
     */
    List<String> mostFrequentFirst() {
        String[] byName = Arrays.copyOf(names, size);
        Arrays.sort(byName);
        long[] keys = new long[size];
        for (int k = 0; k < size; k++) {
            keys[k] = (long) -count(byName[k]) << 32 | k;
        }
        Arrays.sort(keys);
        String[] sorted = new String[size];
        for (int k = 0; k < size; k++) {
            sorted[k] = byName[(int) keys[k]];
        }
        return List.of(sorted);
    }

    private int indexOf(String brand) {
        if (size > LINEAR) {
            Integer at = index.get(brand);
            return at == null ? -1 : at;
        }
        for (int k = 0; k < size; k++) {
            if (names[k].equals(brand)) {
                return k;
            }
        }
        return -1;
    }
}
