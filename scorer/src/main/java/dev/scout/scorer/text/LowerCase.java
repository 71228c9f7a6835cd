package dev.scout.scorer.text;

/**
 * Lower-casing into a buffer, character by character, with the same result as {@link String#toLowerCase} with the
 * root locale wherever that is possible, and a clear "no" where it is not (capital sigma, whose lower case depends
 * on the next letter; dotted capital I, whose lower case is two characters; supplementary letters). Pure.
 */
final class LowerCase {

    /** The text is not plain (ASCII) or not lower-cased character by character: nothing was decided. */
    static final int NOT_PLAIN = -1;
    /** Done; no character changed. */
    static final int SAME = 0;
    /** Done; some character changed. */
    static final int CHANGED = 1;

    private LowerCase() {
    }

    /**
     * When {@code text} is printable ASCII (line breaks and tabs allowed) and {@link StableSymbols} only (emoji,
     * dingbats), folding returns it unchanged ({@link TextFolding#fold}); then this copies it into {@code src} and
     * its lower case ({@link #byChar}'s) into {@code lower}, both at least as long, in one pass. Line breaks and tabs are kept only in
     * plain ASCII text (folding turns them into spaces once anything else is there), so text with both goes the
     * long way ({@link #NOT_PLAIN}).
     */
    static int copyStable(String text, char[] src, char[] lower) {
        int n = text.length();
        text.getChars(0, n, src, 0); // a bulk copy, much faster than charAt in the loop
        boolean changed = false;
        boolean control = false;
        int i = 0;
        for (; i < n; i++) { // ASCII, the common case, in the tightest loop
            char c = src[i];
            if (c >= 0x7f) {
                break;
            }
            if (c < 0x20) {
                if (c != '\n' && c != '\t' && c != '\r') {
                    return NOT_PLAIN;
                }
                control = true;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 32;
                changed = true;
            }
            lower[i] = c;
        }
        if (i == n) {
            return changed ? CHANGED : SAME;
        }
        return control ? NOT_PLAIN : copySymbols(src, i, n, lower, changed);
    }

    /** {@link #copyStable} from the first non-ASCII character on, where no control character may appear. */
    private static int copySymbols(char[] src, int from, int n, char[] lower, boolean changedBefore) {
        boolean changed = changedBefore;
        for (int i = from; i < n; i++) {
            char c = src[i];
            if (c < 0x7f) {
                if (c < 0x20) {
                    return NOT_PLAIN;
                }
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                    changed = true;
                }
                lower[i] = c;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(src[i + 1])) {
                int cp = Character.toCodePoint(c, src[i + 1]);
                if (!StableSymbols.isStable(cp) || Character.toLowerCase(cp) != cp) {
                    return NOT_PLAIN;
                }
                lower[i] = c;
                lower[i + 1] = src[i + 1];
                i++;
            } else {
                int l = Character.toLowerCase((int) c);
                if (!StableSymbols.isStable(c) || l > Character.MAX_VALUE) {
                    return NOT_PLAIN;
                }
                changed |= l != c; // a few letter-like symbols have a lower case (U+2132 → U+214E)
                lower[i] = (char) l;
            }
        }
        return changed ? CHANGED : SAME;
    }

    /** Lower-cases {@code src[0, n)} into {@code lower} character by character, or says it cannot. */
    static int byChar(char[] src, int n, char[] lower) {
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            char c = src[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                    changed = true;
                }
                lower[i] = c;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(src[i + 1])
                    && Character.toLowerCase(Character.toCodePoint(c, src[i + 1])) == Character.toCodePoint(c, src[i + 1])) {
                lower[i] = c; // an emoji or another code point without a lower case
                lower[i + 1] = src[i + 1];
                i++;
            } else {
                int l = Character.toLowerCase((int) c);
                if (Character.isSurrogate(c) || c == '\u0130' || c == '\u03A3' || l > Character.MAX_VALUE) {
                    return NOT_PLAIN;
                }
                changed |= l != c;
                lower[i] = (char) l;
            }
        }
        return changed ? CHANGED : SAME;
    }
}
