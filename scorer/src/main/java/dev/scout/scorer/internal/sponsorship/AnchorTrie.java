package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.Words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds where a fixed set of keywords (the phrase table's anchors) occur at the start of a word: a trie of the
 * keywords, walked from every word start no word character precedes, as far as the text follows a keyword. Every
 * phrase of the table begins on a word boundary, so occurrences inside a word ("ad" in "bread") are never wanted;
 * walking only from word starts visits about two characters per word. Built once from the phrase table.
 * Immutable and thread-safe.
 */
final class AnchorTrie {

    /** Receives each occurrence: the keyword's index in the list given, and where it ends in the text (exclusive). */
    interface Hits {
        void hit(int keyword, int end);
    }

    /** The distinct characters of the keywords, sorted; character {@code chars[k]} has class {@code k + 1}. */
    private final char[] chars;
    /** Class of each ASCII character (0: in no keyword), to spare the common case the binary search. */
    private final int[] asciiClass = new int[128];
    /** The largest character of any keyword: the characters of most emoji and scripts are beyond it. */
    private final char maxChar;
    /** Number of classes, class 0 included: the width of a row of {@link #child}. */
    private final int width;
    /** The trie: {@code child[node * width + class]} is the node after reading a character of that class, 0 none. */
    private final int[] child;
    /** The keywords that end at each node, or null. */
    private final int[][] ends;

    /** @param keywords non-empty strings; duplicates each report their own index */
    AnchorTrie(List<String> keywords) {
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
        maxChar = chars.length == 0 ? 0 : chars[chars.length - 1];
        width = chars.length + 1;
        List<int[]> rows = new ArrayList<>();
        List<int[]> endsAt = new ArrayList<>();
        rows.add(new int[width]);
        endsAt.add(null);
        for (int id = 0; id < keywords.size(); id++) {
            String keyword = keywords.get(id);
            if (keyword.isEmpty() || !Character.isLetterOrDigit(keyword.charAt(0))) {
                throw new IllegalArgumentException("keyword " + id + " '" + keyword
                        + "' does not begin with a letter or digit");
            }
            int node = 0;
            for (int i = 0; i < keyword.length(); i++) {
                int c = classOf(keyword.charAt(i));
                if (rows.get(node)[c] == 0) {
                    rows.add(new int[width]);
                    endsAt.add(null);
                    rows.get(node)[c] = rows.size() - 1;
                }
                node = rows.get(node)[c];
            }
            int[] old = endsAt.get(node);
            int[] now = old == null ? new int[1] : Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = id;
            endsAt.set(node, now);
        }
        child = new int[rows.size() * width];
        for (int node = 0; node < rows.size(); node++) {
            System.arraycopy(rows.get(node), 0, child, node * width, width);
        }
        ends = endsAt.toArray(int[][]::new);
    }

    /**
     * Reports every keyword that occurs in {@code text} at the start of one of its {@code words} that no word
     * character precedes. Every keyword begins with a letter or digit, so a word start is the only place one can
     * begin, and the tokenizer has found those already: the walk need not look at every character. (Words of a
     * platform's own hashtags lie past the text's end and are skipped.)
     */
    void scan(String text, Words words, Hits hits) {
        for (int k = 0; k < words.count(); k++) {
            int start = words.start(k);
            if (start < text.length() && (start == 0 || !Template.isWordChar(text.charAt(start - 1)))) {
                walk(text, start, hits);
            }
        }
    }

    private void walk(String text, int start, Hits hits) {
        int node = 0;
        for (int i = start; i < text.length(); i++) {
            node = child[node * width + classOf(text.charAt(i))];
            if (node == 0) {
                return;
            }
            if (ends[node] != null) {
                for (int keyword : ends[node]) {
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
}
