package dev.scout.scorer.sponsorship;

/**
 * Hand-written matchers for the {@link Lexicon} patterns that are more than a list of phrases: {@code THANKS_BRAND},
 * {@code PROMO_CODE}, {@code DISCOUNT} and {@code NAME_AFTER}. Each finds exactly what its regex finds (with
 * transparent bounds, from the same start); {@code PhraseOracleTest} checks that against the regex on the caption
 * corpus and on fuzzed text. Where the regex could backtrack, the comment says why one way through is enough.
 * Texts are {@code char[]} buffers valid up to a length; results go to a caller's {@code span}. Pure.
 */
final class PhraseMatchers {

    private static final char[][] THANKS_TO = chars("thanks to", "thank you to", "danke an", "merci a", "gracias a");
    private static final char[][] THANKS = chars("thanks", "thank you");
    private static final char[] FOR = "for".toCharArray();
    private static final char[][] THANKS_FOR = chars("sending", "gifting", "partnering", "sponsoring", "the free",
            "the gifted", "providing", "supporting");
    private static final char[][] CODE_WORDS = chars("code promo", "promo code", "discount code", "code", "codigo",
            "coupon", "rabattcode", "gutscheincode", "kod");
    private static final char[] SAVE = "save ".toCharArray();
    private static final char[][] OFF_WORDS = chars("off", "rabatt", "de descuento", "de reduction", "korting",
            "sconto", "discount");

    private PhraseMatchers() {
    }

    /**
     * The next match of {@code THANKS_BRAND} in lower-case {@code t[from, len)}: span gets its start, end, and the
     * handle's start and end (group 1 or 2). The handle's characters exclude {@code @} and {@code \s}, so the greedy
     * handle and {@code \s+} can never give back a character that would let "for" match elsewhere.
     */
    static boolean thanks(char[] t, int len, int from, int[] span) {
        for (int i = from; i < len; i++) {
            char c = t[i];
            if ((c != 't' && c != 'd' && c != 'm' && c != 'g') || Boundary.wordBefore(t, len, i)) {
                continue;
            }
            for (char[] lead : THANKS_TO) {
                if (lead[0] != c) {
                    continue; // cheaper than comparing the whole lead
                }
                int q = startsWith(t, len, i, lead) ? spacesEnd(t, len, i + lead.length) : -1;
                int h = q > i + lead.length ? handleEnd(t, len, q) : -1;
                if (h > 0) {
                    return set(span, i, h, q, h);
                }
            }
            for (char[] lead : THANKS) {
                if (lead[0] != c) {
                    continue;
                }
                int q = startsWith(t, len, i, lead) ? spacesEnd(t, len, i + lead.length) : -1;
                int h = q > i + lead.length ? handleEnd(t, len, q) : -1;
                int f = h > 0 ? spacesEnd(t, len, h) : -1;
                int w = f > h && startsWith(t, len, f, FOR) ? spacesEnd(t, len, f + FOR.length) : -1;
                if (w > f + FOR.length) {
                    for (char[] what : THANKS_FOR) {
                        if (startsWith(t, len, w, what)) {
                            return set(span, i, w + what.length, q, h);
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * The next match of {@code PROMO_CODE} in the folded (not lower-cased) {@code t[from, len)}: span gets its
     * start, end and the code's start and end. The code word is compared ignoring ASCII case only, as the regex's
     * {@code (?i)} does. Spaces and the optional quote lead to the same code start however they are split, so only
     * the code's length is backtracked (for its closing {@code \b}).
     */
    static boolean promoCode(char[] t, int len, int from, int[] span) {
        for (int i = from; i < len; i++) {
            char c = lower(t[i]);
            if ((c != 'c' && c != 'p' && c != 'd' && c != 'r' && c != 'g' && c != 'k')
                    || Boundary.wordBefore(t, len, i)) {
                continue;
            }
            for (char[] word : CODE_WORDS) {
                if (word[0] != c || !startsWithIgnoreAsciiCase(t, len, i, word)) {
                    continue;
                }
                int p = spacesEnd(t, len, i + word.length);
                if (p < len && (t[p] == ':' || t[p] == '"' || t[p] == '\'' || t[p] == '\u201c')) {
                    p++;
                }
                p = spacesEnd(t, len, p);
                if (p >= len || !isCodeChar(t[p]) || t[p] == '_' || t[p] == '-') {
                    continue;
                }
                int run = 0;
                while (run < 19 && p + 1 + run < len && isCodeChar(t[p + 1 + run])) {
                    run++;
                }
                for (int r = run; r >= 2; r--) {
                    if (Boundary.at(t, len, p + 1 + r)) {
                        return set(span, i, p + 1 + r, p, p + 1 + r);
                    }
                }
            }
        }
        return false;
    }

    /**
     * The first match of {@code DISCOUNT} in lower-case {@code t[from, len)}, its start and end in span. Three
     * digits in a row never match: neither one nor two of them can be followed by the {@code %} the regex needs.
     */
    static boolean discount(char[] t, int len, int from, int[] span) {
        for (int i = from; i < len; i++) {
            char c = t[i];
            if ((c != 's' && !Boundary.isDigit(c)) || Boundary.wordBefore(t, len, i)) {
                continue;
            }
            if (c == 's') {
                int q = startsWith(t, len, i, SAVE) ? percentEnd(t, len, digitsEnd(t, len, i + SAVE.length)) : -1;
                if (q > 0) {
                    return set(span, i, q, 0, 0);
                }
                continue;
            }
            int q = percentEnd(t, len, digitsEnd(t, len, i));
            if (q < 0) {
                continue;
            }
            int w = q < len && Boundary.isSpace(t[q]) ? q + 1 : q; // without the space, no word could start there
            for (char[] word : OFF_WORDS) {
                if (startsWith(t, len, w, word) && Boundary.at(t, len, w + word.length)) {
                    return set(span, i, w + word.length, 0, 0);
                }
            }
        }
        return false;
    }

    /** {@code NAME_AFTER} looking at {@code at}: span gets the name's start and end (group 1). */
    static boolean nameAfter(char[] t, int len, int at, int[] span) {
        int start = spacesEnd(t, len, at);
        if (start == at) {
            return false;
        }
        int p = start < len && t[start] == '@' ? start + 1 : start;
        int end = p;
        while (end < len && (Boundary.isAsciiWord(t[end]) || t[end] == '.' || t[end] == '&' || t[end] == '\''
                || t[end] == '-')) {
            end++;
        }
        return end > p && set(span, start, end, 0, 0);
    }

    /** {@code @[\w.-]+(?:@[\w.-]+)?} at {@code at}: its end, or -1. */
    private static int handleEnd(char[] t, int len, int at) {
        if (at >= len || t[at] != '@') {
            return -1;
        }
        int end = handleRun(t, len, at + 1);
        if (end == at + 1) {
            return -1;
        }
        if (end < len && t[end] == '@') {
            int second = handleRun(t, len, end + 1);
            return second > end + 1 ? second : end;
        }
        return end;
    }

    private static int handleRun(char[] t, int len, int p) {
        while (p < len && (Boundary.isAsciiWord(t[p]) || t[p] == '.' || t[p] == '-')) {
            p++;
        }
        return p;
    }

    /** {@code \d{1,2}} at {@code p}, for a pattern where a digit cannot follow: its end, or -1. */
    private static int digitsEnd(char[] t, int len, int p) {
        int n = 0;
        while (n < 3 && p + n < len && Boundary.isDigit(t[p + n])) {
            n++;
        }
        return n == 0 || n == 3 ? -1 : p + n;
    }

    /** {@code \s?%} at {@code p}: its end, or -1 (also for {@code p} = -1). */
    private static int percentEnd(char[] t, int len, int p) {
        if (p < 0 || p >= len) {
            return -1;
        }
        if (t[p] == '%') {
            return p + 1;
        }
        return Boundary.isSpace(t[p]) && p + 1 < len && t[p + 1] == '%' ? p + 2 : -1;
    }

    private static int spacesEnd(char[] t, int len, int p) {
        while (p < len && Boundary.isSpace(t[p])) {
            p++;
        }
        return p;
    }

    /** {@code [A-Z0-9_-]}. */
    private static boolean isCodeChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean startsWith(char[] t, int len, int at, char[] lit) {
        if (at < 0 || at + lit.length > len) {
            return false;
        }
        for (int k = 0; k < lit.length; k++) {
            if (t[at + k] != lit[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreAsciiCase(char[] t, int len, int at, char[] lit) {
        if (at + lit.length > len) {
            return false;
        }
        for (int k = 0; k < lit.length; k++) {
            if (lower(t[at + k]) != lit[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean set(int[] span, int start, int end, int groupStart, int groupEnd) {
        span[0] = start;
        span[1] = end;
        span[2] = groupStart;
        span[3] = groupEnd;
        return true;
    }

    private static char[][] chars(String... words) {
        char[][] out = new char[words.length][];
        for (int k = 0; k < words.length; k++) {
            out[k] = words[k].toCharArray();
        }
        return out;
    }
}
