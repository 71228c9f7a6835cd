package dev.scout.scorer.sponsorship;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pass over lower-case text that reports which groups of trigger words it contains (an Aho–Corasick automaton
 * over ASCII), so the detector runs a phrase regex only when its trigger is present. It replaces dozens of
 * {@link String#indexOf} scans per post. Needles must be ASCII and lower case; any other character resets the
 * match. Immutable and thread-safe.
 */
final class GateScanner {

    private static final int ALPHABET = 128;

    /**
     * Character class of each ASCII character: 0 for characters that occur in no needle (they always lead back to
     * the start state), otherwise 1 + a dense index. Classes keep the table small enough to stay in cache.
     */
    private final byte[] classOf = new byte[ALPHABET];
    /** Number of classes, the row width of {@link #next}. */
    private final int width;
    /**
     * DFA transitions, flattened: entry {@code next[state * width + k]} holds {@code target * width}, so the scan
     * loop's chain from one state to the next is one addition and one load (whether a state completes a trigger
     * word is read from {@link #output} off that chain).
     */
    private final int[] next;
    /** Length of the longest trigger word. */
    private final int longest;
    /** Output mask of each state, indexed by {@code state * width}. */
    private final int[] output;

    /** @param needles trigger word → bit of its group (0–31) */
    GateScanner(Map<String, Integer> needles) {
        List<int[]> go = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        go.add(newRow());
        out.add(0);
        for (Map.Entry<String, Integer> e : needles.entrySet()) {
            int state = 0;
            for (char c : e.getKey().toCharArray()) {
                if (c >= ALPHABET) {
                    throw new IllegalArgumentException("needle must be ASCII: " + e.getKey());
                }
                if (go.get(state)[c] <= 0) {
                    go.add(newRow());
                    out.add(0);
                    go.get(state)[c] = go.size() - 1;
                }
                state = go.get(state)[c];
            }
            out.set(state, out.get(state) | (1 << e.getValue()));
        }
        int n = go.size();
        int[] fail = new int[n];
        int[][] table = new int[n][];
        int[] outs = new int[n];
        for (int s = 0; s < n; s++) {
            outs[s] = out.get(s);
        }
        // Breadth-first: complete the transition table into a DFA and merge outputs along failure links.
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        table[0] = new int[ALPHABET];
        for (int c = 0; c < ALPHABET; c++) {
            int child = go.get(0)[c];
            if (child > 0) {
                table[0][c] = child;
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            table[s] = new int[ALPHABET];
            outs[s] |= outs[fail[s]];
            for (int c = 0; c < ALPHABET; c++) {
                int child = go.get(s)[c];
                if (child > 0) {
                    table[s][c] = child;
                    fail[child] = table[fail[s]][c];
                    queue.add(child);
                } else {
                    table[s][c] = table[fail[s]][c];
                }
            }
        }
        int classes = 1;
        for (String needle : needles.keySet()) {
            for (char c : needle.toCharArray()) {
                if (classOf[c] == 0) {
                    classOf[c] = (byte) classes++;
                }
            }
        }
        this.width = classes;
        this.longest = needles.keySet().stream().mapToInt(String::length).max().orElse(1);
        this.next = new int[n * width];
        this.output = new int[n * width];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < ALPHABET; c++) {
                int target = table[s][c];
                // class 0 entries stay 0: back to the start, which completes no trigger
                next[s * width + classOf[c]] = target * width;
            }
            output[s * width] = outs[s];
        }
    }

    private static int[] newRow() {
        return new int[ALPHABET];
    }

    /**
     * Bit mask of the groups whose trigger words occur in {@code lower[0, n)}; {@code firstEnd[g]} receives the
     * index just after the first trigger of group g (untouched for groups not found).
     *
     * <p>Each step of an automaton waits for the previous one (a load whose address is the last state), so the text
     * is scanned as two halves at once, whose steps overlap in the processor. The second half starts from the start
     * state {@code longest - 1} characters early, so it sees every trigger word that ends in it; the first half
     * sees every one that ends in the first half, and its matches come first.
     */
    int scan(char[] lower, int n, int[] firstEnd) {
        if (n < 4 * longest) {
            return scan(lower, 0, n, firstEnd, 0);
        }
        int half = n / 2;
        int from2 = half - (longest - 1);
        int s1 = 0;
        int s2 = 0;
        int mask1 = 0;
        int mask2 = 0;
        int[] ends2 = null; // the second half's first ends, needed only when it holds a trigger
        for (int i = 0; i < half; i++) {
            char c1 = lower[i];
            char c2 = lower[from2 + i];
            s1 = c1 < ALPHABET ? next[s1 + classOf[c1]] : 0;
            s2 = c2 < ALPHABET ? next[s2 + classOf[c2]] : 0;
            int out1 = output[s1];
            int out2 = output[s2];
            if ((out1 | out2) != 0) {
                mask1 = record(out1, mask1, i + 1, firstEnd);
                if (out2 != 0) {
                    ends2 = ends2 != null ? ends2 : new int[firstEnd.length];
                    mask2 = record(out2, mask2, from2 + i + 1, ends2);
                }
            }
        }
        for (int i = from2 + half; i < n; i++) { // the second half is a little longer: finish it alone
            char c = lower[i];
            s2 = c < ALPHABET ? next[s2 + classOf[c]] : 0;
            int out2 = output[s2];
            if (out2 != 0) {
                ends2 = ends2 != null ? ends2 : new int[firstEnd.length];
                mask2 = record(out2, mask2, i + 1, ends2);
            }
        }
        for (int g = 0; g < firstEnd.length; g++) {
            if ((mask2 & ~mask1 & (1 << g)) != 0) {
                firstEnd[g] = ends2[g];
            }
        }
        return mask1 | mask2;
    }

    /** The plain scan of {@code lower[from, to)} from the start state, adding to {@code mask}. */
    private int scan(char[] lower, int from, int to, int[] firstEnd, int mask) {
        int state = 0;
        for (int i = from; i < to; i++) {
            char c = lower[i];
            state = c < ALPHABET ? next[state + classOf[c]] : 0;
            int out = output[state];
            if (out != 0) {
                mask = record(out, mask, i + 1, firstEnd);
            }
        }
        return mask;
    }

    /** Adds the groups of {@code out} not yet in {@code mask}, each with {@code end} as its first end. */
    private static int record(int out, int mask, int end, int[] firstEnd) {
        int fresh = out & ~mask;
        for (int g = 0; g < firstEnd.length; g++) {
            if ((fresh & (1 << g)) != 0) {
                firstEnd[g] = end;
            }
        }
        return mask | fresh;
    }
}
