package dev.scout.scorer.sponsorship;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds every occurrence of a fixed set of keywords in a text in one pass (Aho–Corasick, 1975), however many
 * keywords there are: the trie of the keywords completed into a deterministic automaton over the characters that
 * occur in them (any other character leads back to the start). Built once from the phrase table. Immutable and
 * thread-safe.
 */
final class AhoCorasick {

    /** Receives each occurrence: the keyword's index in the list given, and where it ends in the text (exclusive). */
    interface Hits {
        void hit(int keyword, int end);
    }

    private static final int[] NONE = {};

    /** The distinct characters of the keywords, sorted; character {@code chars[k]} has class {@code k + 1}. */
    private final char[] chars;
    /** Class of each ASCII character (0: in no keyword), to spare the common case the binary search. */
    private final int[] asciiClass = new int[128];
    /** Number of classes, class 0 included: the width of a row of {@link #next}. */
    private final int width;
    /** The automaton: {@code next[state * width + class]} is the state after reading a character of that class. */
    private final int[] next;
    /** The keywords that end at each state, suffixes included; null for a state where none ends. */
    private final int[][] output;
    /** The largest character of any keyword: the characters of most emoji and scripts are beyond it. */
    private final char maxChar;

    /** @param keywords non-empty strings; duplicates each report their own index */
    AhoCorasick(List<String> keywords) {
        TreeSet<Character> distinct = new TreeSet<>();
        keywords.forEach(k -> k.chars().forEach(c -> distinct.add((char) c)));
        chars = new char[distinct.size()];
        int k = 0;
        for (char c : distinct) {
            chars[k++] = c;
            if (c < 128) {
                asciiClass[c] = k;
            }
        }
        width = chars.length + 1;
        maxChar = chars.length == 0 ? 0 : chars[chars.length - 1];
        // The trie: row s holds the children of state s by class (0 = none yet); outputs by state.
        List<int[]> trie = new ArrayList<>();
        List<int[]> outputs = new ArrayList<>();
        trie.add(new int[width]);
        outputs.add(NONE);
        for (int id = 0; id < keywords.size(); id++) {
            String keyword = keywords.get(id);
            if (keyword.isEmpty()) {
                throw new IllegalArgumentException("keyword " + id + " is empty");
            }
            int state = 0;
            for (int i = 0; i < keyword.length(); i++) {
                int c = classOf(keyword.charAt(i));
                if (trie.get(state)[c] == 0) {
                    trie.add(new int[width]);
                    outputs.add(NONE);
                    trie.get(state)[c] = trie.size() - 1;
                }
                state = trie.get(state)[c];
            }
            outputs.set(state, append(outputs.get(state), id));
        }
        // Breadth first: a missing transition goes where the failure state's does; outputs merge along failures.
        next = new int[trie.size() * width];
        output = outputs.toArray(int[][]::new);
        int[] fail = new int[trie.size()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 1; c < width; c++) {
            int child = trie.get(0)[c];
            next[c] = child;
            if (child != 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) { // the failure state is nearer the start, so its outputs are already merged
            int s = queue.poll();
            output[s] = merge(output[s], output[fail[s]]);
            for (int c = 1; c < width; c++) {
                int child = trie.get(s)[c];
                if (child != 0) {
                    fail[child] = next[fail[s] * width + c];
                    next[s * width + c] = child;
                    queue.add(child);
                } else {
                    next[s * width + c] = next[fail[s] * width + c];
                }
            }
        }
        for (int s = 0; s < output.length; s++) {
            output[s] = output[s].length == 0 ? null : output[s];
        }
    }

    /** Reports every occurrence of every keyword in {@code text}, in order of where they end. */
    void scan(String text, Hits hits) {
        int state = 0;
        for (int i = 0; i < text.length(); i++) {
            state = next[state * width + classOf(text.charAt(i))];
            if (output[state] != null) {
                for (int keyword : output[state]) {
                    hits.hit(keyword, i + 1);
                }
            }
        }
    }

    private int classOf(char c) {
        if (c < 128) {
            return asciiClass[c];
        }
        if (c > maxChar) {
            return 0;
        }
        int k = Arrays.binarySearch(chars, c);
        return k < 0 ? 0 : k + 1;
    }

    private static int[] append(int[] a, int value) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = value;
        return out;
    }

    private static int[] merge(int[] a, int[] b) {
        if (b.length == 0) {
            return a;
        }
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
