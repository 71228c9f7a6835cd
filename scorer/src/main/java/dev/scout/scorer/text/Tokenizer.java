package dev.scout.scorer.text;

import java.util.Locale;

/**
 * Splits the folded text of a {@link TextScan} into URLs, mentions, hashtags and words, as {@link PostText}
 * describes: mentions ({@code @user@host}) and URLs are kept out of the words so that a handle such as
 * {@code @tofu_fan} is not read as the word "tofu", and hashtags are split on camel case ({@code #PlantBasedRecipes}
 * gives "plant based recipe"). ASCII tokens are copied straight from the buffers; others take the {@code String}
 * path. Pure and stateless.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static void run(TextScan t) {
        if (t.aligned()) {
            runAligned(t);
        } else {
            runUnaligned(t);
        }
    }

    /** The common case ({@code lower[i]} is {@code src[i]} lower-cased): words, and what {@link #words} stops at. */
    private static void runAligned(TextScan t) {
        char[] s = t.src();
        int n = t.length();
        int i = words(t, 0);
        while (i < n) {
            char c = s[i];
            if (c == '@') {
                i = mention(t, i);
            } else if (c == '#') {
                i = hashtag(t, i);
            } else {
                i = url(t, i);
            }
            i = words(t, i);
        }
    }

    /**
     * Copies and hashes the lower-case words of the text from {@code from}, and returns where a URL, mention or
     * hashtag starts (or the length). One loop over the characters that copies and hashes as it goes measured a
     * little faster than a loop per word followed by a bulk copy and a hash.
     */
    private static int words(TextScan t, int from) {
        char[] s = t.src();
        char[] lower = t.lowerChars();
        Slices words = t.words();
        int n = t.length();
        int p = words.reserve(n - from); // every word of the rest fits: the buffer cannot move in this loop
        char[] w = words.chars();
        int wordStart = -1;
        int h = 0;
        for (int i = from; i < n; i++) {
            char c = s[i];
            if (isLetterOrDigit(c)) {
                if (wordStart < 0) {
                    if ((c == 'h' || c == 'H') && isUrlStart(t.folded(), i)) {
                        return i;
                    }
                    wordStart = p;
                    h = 0;
                }
                char l = lower[i];
                w[p++] = l;
                h = 31 * h + l;
            } else {
                if (wordStart >= 0) {
                    p = t.keepWord(w, wordStart, p, h);
                    wordStart = -1;
                }
                if ((c == '@' && i + 1 < n && isWordChar(s[i + 1]))
                        || (c == '#' && i + 1 < n && Character.isLetterOrDigit(s[i + 1]))) {
                    return i;
                }
            }
        }
        if (wordStart >= 0) {
            t.keepWord(w, wordStart, p, h);
        }
        return n;
    }

    /** Rare: lower-casing changed the length of a character (İ), so words are lower-cased one by one. */
    private static void runUnaligned(TextScan t) {
        char[] s = t.src();
        String folded = t.folded();
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = s[i];
            if ((c == 'h' || c == 'H') && isUrlStart(folded, i)) {
                i = url(t, i);
            } else if (c == '@' && i + 1 < n && isWordChar(s[i + 1])) {
                i = mention(t, i);
            } else if (c == '#' && i + 1 < n && Character.isLetterOrDigit(s[i + 1])) {
                i = hashtag(t, i);
            } else if (isLetterOrDigit(c)) {
                int end = i + 1;
                while (end < n && isLetterOrDigit(s[end])) {
                    end++;
                }
                t.addWord(Stemmer.stem(folded.substring(i, end).toLowerCase(Locale.ROOT)));
                i = end;
            } else {
                i++;
            }
        }
    }

    // URLs, mentions and hashtags are rare next to words: their own methods keep the loop small for the JIT.

    /** The URL starting at {@code i}; returns where it ends. */
    private static int url(TextScan t, int i) {
        int end = endOfNonSpace(t.src(), t.length(), i);
        t.addUrl(trimTrailingPunctuation(t.folded().substring(i, end)));
        return end;
    }

    /** The mention whose {@code @} is at {@code i}; returns where it ends. */
    private static int mention(TextScan t, int i) {
        int end = endOfNonSpace(t.src(), t.length(), i + 1);
        t.addMention(trimTrailingPunctuation(t.folded().substring(i + 1, end)).toLowerCase(Locale.ROOT));
        return end;
    }

    /** The hashtag whose {@code #} is at {@code i}: the tag and its words; returns where it ends. */
    private static int hashtag(TextScan t, int i) {
        char[] s = t.src();
        int n = t.length();
        int end = i + 1;
        boolean ascii = true;
        while (end < n && (isLetterOrDigit(s[end]) || s[end] == '_')) {
            ascii &= s[end] < 0x80;
            end++;
        }
        if (ascii) {
            t.addTag(s, i + 1, end);
            splitAsciiHashtag(s, i + 1, end, t);
        } else {
            String raw = t.folded().substring(i + 1, end);
            t.addTag(raw.toLowerCase(Locale.ROOT));
            splitHashtag(raw, t);
        }
        return end;
    }

    /** A hashtag given outside the text (as a platform sends it, with or without {@code #}): the tag and its words. */
    static void structuredHashtag(String tag, TextScan t) {
        if (isLowerAsciiWord(tag)) { // "vegan", as platforms send them: folding changes nothing, one word
            if (t.addTag(tag)) {
                t.addWordToStem(tag);
            }
            return;
        }
        String stripped = tag.startsWith("#") ? tag.substring(1) : tag;
        String lower = TextFolding.foldLower(stripped);
        if (lower.isEmpty() || !t.addTag(lower)) {
            return;
        }
        String raw = TextFolding.fold(stripped);
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                splitHashtag(raw, t);
                return;
            }
        }
        splitAsciiHashtag(raw.toCharArray(), 0, raw.length(), t);
    }

    private static boolean isLowerAsciiWord(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** "PlantBasedRecipes" → plant, based, recipe; "vegan_food" → vegan, food; "Top10Tips" → top, 10, tip. */
    static void splitAsciiHashtag(char[] a, int from, int to, TextScan t) {
        if (isLowerAsciiWord(a, from, to)) {
            t.addWord(a, from, to, false); // "vegan": one piece, no case or letter/digit boundary inside
            return;
        }
        for (int p = from; p <= to; ) {
            int q = p;
            while (q < to && a[q] != '_') {
                q++;
            }
            for (int start = p, i = p + 1; i <= q; i++) {
                if ((i == q || isBoundary(a, i, q)) && i > start) {
                    t.addWord(a, start, i, true);
                    start = i;
                }
            }
            p = q + 1;
        }
    }

    /** {@link #splitAsciiHashtag} for a hashtag with non-ASCII characters, on strings. */
    static void splitHashtag(String raw, TextScan t) {
        for (String piece : raw.split("_")) {
            int n = piece.length();
            int start = 0;
            for (int i = 1; i <= n; i++) {
                boolean boundary = i == n;
                if (!boundary) {
                    char prev = piece.charAt(i - 1);
                    char c = piece.charAt(i);
                    boundary = (Character.isLowerCase(prev) && Character.isUpperCase(c))
                            || Character.isLetter(prev) != Character.isLetter(c)
                            || (i + 1 < n && Character.isUpperCase(prev) && Character.isUpperCase(c)
                                && Character.isLowerCase(piece.charAt(i + 1)));
                }
                if (boundary && i > start) {
                    t.addWord(Stemmer.stem(piece.substring(start, i).toLowerCase(Locale.ROOT)));
                    start = i;
                }
            }
        }
    }

    /**
     * Whether a camel-case or letter/digit boundary falls before {@code a[i]} in a piece ending at {@code end}: the
     * test of {@link #splitHashtag} with {@link Character}'s case and letter tests, which for ASCII are these ranges.
     */
    private static boolean isBoundary(char[] a, int i, int end) {
        char prev = a[i - 1];
        char c = a[i];
        return (isLower(prev) && isUpper(c))
                || isLetter(prev) != isLetter(c)
                || (i + 1 < end && isUpper(prev) && isUpper(c) && isLower(a[i + 1]));
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLetter(char c) {
        return isLower(c) || isUpper(c);
    }

    private static boolean isLowerAsciiWord(char[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] < 'a' || a[i] > 'z') {
                return false;
            }
        }
        return to > from;
    }

    /** ASCII letters and digits, by code: one load instead of three range tests on the tokeniser's hottest path. */
    private static final boolean[] ASCII_LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_LETTER_OR_DIGIT[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }

    static boolean isLetterOrDigit(char c) {
        return c < 128 ? ASCII_LETTER_OR_DIGIT[c] : Character.isLetterOrDigit(c);
    }

    private static boolean isUrlStart(String s, int i) {
        return s.regionMatches(true, i, "http", 0, 4)
                && (s.startsWith("://", i + 4) || s.regionMatches(true, i + 4, "s://", 0, 4));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int endOfNonSpace(char[] s, int n, int from) {
        int end = from;
        while (end < n && !Character.isWhitespace(s[end])) {
            end++;
        }
        return end;
    }

    private static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?)]}\"'".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }
}
