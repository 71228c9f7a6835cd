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
     * DFA transitions, flattened: entry {@code next[state * width + k]} holds {@code target * width}. States are
     * numbered so that those completing a trigger word come last, from {@link #firstOutput} on: the scan loop's
     * chain from one state to the next is one addition and one load from a table of 16-bit entries small enough to
     * stay in the first-level cache, and the output test is a comparison.
     */
    private final char[] next;
    /** {@code state * width} of the first state that completes a trigger word. */
    private final int firstOutput;
    /** Output mask of each state, by state number. */
    private final int[] output;
    /**
     * Whether the pair of classes {@code (a, b)} can matter from the start state, at {@code a * width + b}: false
     * when reading {@code a} there completes no trigger word and leaves the automaton where reading {@code b} alone
     * would. Most pairs of a caption are false, so the scan skips them with independent loads instead of walking
     * the automaton's chain of dependent ones.
     */
    private final boolean[] startPair;

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
        // Renumber: the start state stays 0, states without output next, states with output last.
        int[] number = new int[n];
        int[] output = new int[n];
        int next = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s < n; s++) {
                if ((outs[s] != 0) == (pass == 1)) {
                    output[next] = outs[s];
                    number[s] = next++;
                }
            }
        }
        int outputs = 0;
        for (int s = 0; s < n; s++) {
            outputs += outs[s] != 0 ? 1 : 0;
        }
        if ((long) n * width > Character.MAX_VALUE) {
            throw new IllegalArgumentException("too many trigger words for a 16-bit table: " + n + " states");
        }
        this.output = output;
        this.firstOutput = (n - outputs) * width;
        this.next = new char[n * width];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < ALPHABET; c++) {
                // class 0 entries stay 0: back to the start, which completes no trigger
                this.next[number[s] * width + classOf[c]] = (char) (number[table[s][c]] * width);
            }
        }
        this.startPair = new boolean[width * width];
        for (int a = 0; a < width; a++) {
            int afterA = this.next[a];
            for (int b = 0; b < width; b++) {
                startPair[a * width + b] = afterA >= firstOutput || this.next[afterA + b] != this.next[b];
            }
        }
    }

    private static int[] newRow() {
        return new int[ALPHABET];
    }

    /**
     * Bit mask of the groups whose trigger words occur in {@code lower[0, n)}; {@code firstEnd[g]} receives the
     * index just after the first trigger of group g (untouched for groups not found).
     */
    int scan(char[] lower, int n, int[] firstEnd) {
        int state = 0;
        int mask = 0;
        for (int i = 0; i < n; i++) {
            if (state == 0) { // skip the pairs that leave the automaton at the start (see startPair)
                int a = classAt(lower, i);
                while (i + 1 < n) {
                    int b = classAt(lower, i + 1);
                    if (startPair[a * width + b]) {
                        break;
                    }
                    a = b;
                    i++;
                }
            }
            char c = lower[i];
            state = c < ALPHABET ? next[state + classOf[c]] : 0;
            if (state >= firstOutput) {
                int fresh = output[state / width] & ~mask;
                mask |= fresh;
                for (int g = 0; fresh != 0 && g < firstEnd.length; g++) {
                    if ((fresh & (1 << g)) != 0) {
                        firstEnd[g] = i + 1;
                    }
                }
            }
        }
        return mask;
    }

    private int classAt(char[] lower, int i) {
        char c = lower[i];
        return c < ALPHABET ? classOf[c] : 0;
    }
}
