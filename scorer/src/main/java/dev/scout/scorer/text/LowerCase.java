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
