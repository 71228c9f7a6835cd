package dev.scout.scorer.sponsorship;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@link Matcher#find()} over a matcher's region, with the same matches, but the regex is only tried at positions
 * where a match can start: the first character is one of the pattern's {@link Starts} and, for patterns that begin
 * with {@code \b}, a word starts there. An unanchored {@code find()} tries the whole alternation at every character,
 * which made the phrase regexes most of the cost of a sponsored post.
 *
 * <p>Exactness: at a candidate position the matcher runs {@code lookingAt()} on a region starting there with
 * transparent, non-anchoring bounds, which is exactly the attempt {@code find()} makes at that position; positions
 * skipped cannot start a match. The matcher must already use transparent, non-anchoring bounds. Not thread-safe
 * (one per search).
 */
final class PhraseFinder {

    /**
     * Where a pattern's matches can start.
     *
     * @param first     ASCII characters a match can start with (every alternative's first character, both cases
     *                  for case-insensitive patterns); no match starts with any other character
     * @param wordStart true when the pattern begins with {@code \b} before a word character
     * @param prefixes  when not empty, every match starts with one of these (compared ignoring case when
     *                  {@code ignoreCase}); a candidate without one is skipped before the regex runs, which is where
     *                  most of the time went ({@link Matcher#region} resets the matcher)
     * @param ignoreCase compare the prefixes ignoring case (for case-insensitive patterns)
     */
    record Starts(boolean[] first, boolean wordStart, String[] prefixes, boolean ignoreCase, String[][] byFirst) {

        static Starts of(String firstChars, boolean wordStart) {
            return of(firstChars, wordStart, false);
        }

        static Starts of(String firstChars, boolean wordStart, boolean ignoreCase, String... prefixes) {
            boolean[] first = new boolean[128];
            for (char c : firstChars.toCharArray()) {
                first[c] = true;
            }
            // Prefixes by the character they start with (both cases when ignoring case), so a candidate is
            // compared with its own few only.
            List<List<String>> lists = new ArrayList<>();
            for (int c = 0; c < 128; c++) {
                lists.add(new ArrayList<>());
            }
            for (String p : prefixes) {
                char c = p.charAt(0);
                lists.get(c).add(p);
                if (ignoreCase && Character.toUpperCase(c) != c && Character.toUpperCase(c) < 128) {
                    lists.get(Character.toUpperCase(c)).add(p);
                }
            }
            String[][] byFirst = new String[128][];
            for (int c = 0; c < 128; c++) {
                byFirst[c] = lists.get(c).toArray(String[]::new);
            }
            return new Starts(first, wordStart, prefixes.clone(), ignoreCase, byFirst);
        }

        /** Whether one of the prefixes starts at {@code i}, where the ASCII character {@code c} stands. */
        boolean prefixAt(String text, int i, char c) {
            if (prefixes.length == 0) {
                return true;
            }
            for (String p : byFirst[c]) {
                if (ignoreCase ? text.regionMatches(true, i, p, 0, p.length()) : text.startsWith(p, i)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Matcher m;
    private final String text;
    private final Starts starts;
    private final int end;
    private int pos;

    /** @param m a matcher over {@code text} whose region is where to search */
    PhraseFinder(Matcher m, String text, Starts starts) {
        this.m = m;
        this.text = text;
        this.starts = starts;
        this.pos = m.regionStart();
        this.end = m.regionEnd();
    }

    /** Like {@link Matcher#find()}: true with the match in the matcher, or false when there are no more. */
    boolean find() {
        boolean[] first = starts.first();
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c < 128 && first[c] && (!starts.wordStart() || i == 0 || !isWord(Character.codePointBefore(text, i)))
                    && starts.prefixAt(text, i, c)) {
                m.region(i, end);
                if (m.lookingAt()) {
                    pos = Math.max(m.end(), i + 1);
                    return true;
                }
            }
        }
        pos = end;
        return false;
    }

    /**
     * {@code \b}'s word test (letters, digits, underscore). The regex also counts a combining mark after a letter as
     * a word character; treating it here as a non-word character only adds a candidate, so it stays exact.
     */
    private static boolean isWord(int cp) {
        if (cp < 128) { // the common case, by range rather than through Character's per-plane tables
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        return Character.isLetterOrDigit(cp);
    }
}
