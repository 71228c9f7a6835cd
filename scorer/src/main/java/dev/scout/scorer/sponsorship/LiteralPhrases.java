package dev.scout.scorer.sponsorship;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase regex that is an alternation of fixed phrases ({@code \b(sponsored by|paid promotion|…)\b}), matched on
 * the lower-case characters without the regex: the same matches as {@link Matcher#find()} with transparent bounds.
 * The phrases are listed in the order the regex tries them, its optional parts spelled out longest first
 * ({@code paid partnership(?: with)?} is "paid partnership with", then "paid partnership"), so the first phrase that
 * matches at a position, {@code \b} included, is the regex's match there. Two regex tails are understood at the end
 * of a phrase: {@code [\w.-]+} (a handle, greedy; only without a closing {@code \b}) and {@code .{1,N}? rest} (lazy).
 * {@code PhraseOracleTest} checks each list against its regex in the {@link Lexicon}.
 *
 * <p>Each match is a regex attempt saved: a sponsored caption used to spend most of its time in
 * {@code Matcher.region} and {@code lookingAt}. Immutable and thread-safe.
 */
final class LiteralPhrases {

    private static final Pattern LAZY = Pattern.compile("(.*)\\.\\{1,(\\d+)\\}\\?(.*)");
    private static final String HANDLE = "[\\w.-]+";

    private final boolean wordStart;
    private final boolean wordEnd;
    private final char[][] literals;
    /** After the literal: 0 nothing, -1 a handle, n > 0 at most n code points (lazily) then {@link #rests}. */
    private final int[] tails;
    private final char[][] rests;
    private final String[] quoted;
    private final int[][] byFirst = new int[128][];
    /** Per first character, the second characters its phrases go on with (ASCII, as bits of two longs). */
    private final long[] secondLow = new long[128];
    private final long[] secondHigh = new long[128];

    /**
     * @param wordStart the regex starts with {@code \b} (every phrase must then start with an ASCII word character)
     * @param wordEnd   the regex ends with {@code \b}
     * @param phrases   the alternatives in the regex's order, optional parts spelled out
     */
    LiteralPhrases(boolean wordStart, boolean wordEnd, String... phrases) {
        this.wordStart = wordStart;
        this.wordEnd = wordEnd;
        int n = phrases.length;
        literals = new char[n][];
        tails = new int[n];
        rests = new char[n][];
        quoted = new String[n];
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            lists.add(new ArrayList<>());
        }
        for (int e = 0; e < n; e++) {
            String p = phrases[e];
            Matcher lazy = LAZY.matcher(p);
            if (lazy.matches()) {
                literals[e] = lazy.group(1).toCharArray();
                tails[e] = Integer.parseInt(lazy.group(2));
                rests[e] = lazy.group(3).toCharArray();
            } else if (p.endsWith(HANDLE)) {
                if (wordEnd) { // greedy: a closing \b could need backtracking, which this does not do
                    throw new IllegalArgumentException("phrase '" + p + "': a handle cannot precede a closing \\b");
                }
                literals[e] = p.substring(0, p.length() - HANDLE.length()).toCharArray();
                tails[e] = -1;
            } else {
                literals[e] = p.toCharArray();
                quoted[e] = "'" + p + "'";
            }
            char first = literals[e][0];
            if (first >= 128 || (wordStart && !Boundary.isAsciiWord(first))) {
                throw new IllegalArgumentException("phrase '" + p + "' must start with an ASCII word character");
            }
            lists.get(first).add(e);
            char second = literals[e].length > 1 ? literals[e][1] : 0xffff;
            if (second >= 128 || literals[e].length < 2) { // no second literal character: let every one through
                secondLow[first] = -1L;
                secondHigh[first] = -1L;
            } else if (second < 64) {
                secondLow[first] |= 1L << second;
            } else {
                secondHigh[first] |= 1L << (second - 64);
            }
        }
        for (int c = 0; c < 128; c++) {
            if (!lists.get(c).isEmpty()) {
                byFirst[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /**
     * The first match in {@code t[from, len)}, as {@code find()} on a region starting at {@code from} would give it.
     *
     * @param span receives the match's start and end
     * @return the index of the phrase that matched, or -1 when none does
     */
    int find(char[] t, int len, int from, int[] span) {
        for (int i = from; i < len; i++) {
            char c = t[i];
            int[] entries = c < 128 ? byFirst[c] : null;
            // Every phrase starts with a word character, so \b holds exactly when none stands before it.
            if (entries == null || !mayGoOn(c, i + 1 < len ? t[i + 1] : 0xffff)
                    || (wordStart && Boundary.wordBefore(t, len, i))) {
                continue;
            }
            for (int e : entries) {
                int end = matchAt(e, t, len, i);
                if (end >= 0) {
                    span[0] = i;
                    span[1] = end;
                    return e;
                }
            }
        }
        return -1;
    }

    /** Whether a phrase starting with {@code first} can go on with {@code second} (most candidates cannot). */
    private boolean mayGoOn(char first, char second) {
        if (second >= 128) {
            return secondLow[first] == -1L; // only a phrase whose second character is not a literal ASCII one
        }
        long bits = second < 64 ? secondLow[first] : secondHigh[first];
        return (bits & (1L << (second & 63))) != 0;
    }

    /** The evidence of a match of phrase {@code e}, quoted: built once for a fixed phrase. */
    String quoted(int e, char[] t, int[] span) {
        return quoted[e] != null ? quoted[e] : "'" + new String(t, span[0], span[1] - span[0]) + "'";
    }

    private int matchAt(int e, char[] t, int len, int i) {
        char[] lit = literals[e];
        int end = i + lit.length;
        if (!startsWith(t, len, i, lit)) {
            return -1;
        }
        if (tails[e] > 0) {
            return lazyThenRest(t, len, end, tails[e], rests[e]);
        }
        if (tails[e] < 0) {
            int j = end;
            while (j < len && (Boundary.isAsciiWord(t[j]) || t[j] == '.' || t[j] == '-')) {
                j++;
            }
            return j > end ? j : -1;
        }
        return !wordEnd || Boundary.at(t, len, end) ? end : -1;
    }

    /** {@code .{1,max}?rest\b?}: the fewest code points after which {@code rest} (and the closing \b) match. */
    private int lazyThenRest(char[] t, int len, int p, int max, char[] rest) {
        for (int n = 0; n < max && p < len; n++) {
            int cp = Character.codePointAt(t, p, len);
            if (!Boundary.isDot(cp)) {
                return -1;
            }
            p += Character.charCount(cp);
            int end = p + rest.length;
            if (startsWith(t, len, p, rest) && (!wordEnd || Boundary.at(t, len, end))) {
                return end;
            }
        }
        return -1;
    }

    private static boolean startsWith(char[] t, int len, int at, char[] lit) {
        if (at + lit.length > len) {
            return false;
        }
        for (int k = 0; k < lit.length; k++) {
            if (t[at + k] != lit[k]) {
                return false;
            }
        }
        return true;
    }
}
