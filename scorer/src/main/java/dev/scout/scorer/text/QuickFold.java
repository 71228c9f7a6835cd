package dev.scout.scorer.text;

/**
 * {@link TextFolding#fold} and lower-casing in one pass for the texts captions are mostly made of: ASCII, emoji and
 * other symbols folding keeps ({@link StableSymbols}), the marks and format characters it drops (zero-width
 * joiners inside emoji sequences, variation selectors, direction marks, combining accents written apart), line
 * breaks, and accented Latin letters, which fold one by one ({@link LatinLetters}). The normaliser has nothing to
 * add for such text; this writes the folded text and its lower case ({@link LowerCase#byChar}'s) straight into the
 * caller's buffers and says "no" ({@link #NOT_QUICK}) to anything else, which then takes the long way. Pure.
 */
final class QuickFold {

    /** The text needs the long way; the buffers hold nothing useful. */
    static final int NOT_QUICK = -1;
    /** Result bit: folding changed the text (a character dropped, or a control turned into a space). */
    static final int FOLDED = 1 << 30;
    /** Result bit: lower-casing changed a character. */
    static final int LOWERED = 1 << 29;
    /** Result bits holding the folded length. */
    static final int LENGTH = LOWERED - 1;

    private QuickFold() {
    }

    /**
     * Folds {@code text} into {@code src} and its lower case into {@code lower}, both at least as long as the text.
     *
     * @return {@link #NOT_QUICK}, or the folded length with {@link #FOLDED} and {@link #LOWERED} set as they apply
     */
    static int fold(String text, char[] src, char[] lower) {
        int n = text.length();
        if (n > LENGTH) {
            return NOT_QUICK;
        }
        text.getChars(0, n, src, 0); // a bulk copy, much faster than charAt in the loop
        boolean lowered = false;
        boolean breaks = false;
        boolean plain = true;
        int i = 0;
        for (; i < n; i++) { // ASCII, the common case, in the tightest loop
            char c = src[i];
            if (c >= 0x7f) {
                break;
            }
            if (c < 0x20) {
                breaks = true;
                plain &= c == '\n' || c == '\t' || c == '\r';
            }
            if (c >= 'A' && c <= 'Z') {
                c += 32;
                lowered = true;
            }
            lower[i] = c;
        }
        if (i == n && plain) { // plain ASCII, which folding returns unchanged, line breaks and all
            return n | (lowered ? LOWERED : 0);
        }
        if (breaks) { // any other text has its controls, line breaks too, turned into spaces
            for (int k = 0; k < i; k++) {
                if (src[k] < 0x20) {
                    src[k] = ' ';
                    lower[k] = ' ';
                }
            }
        }
        return symbols(src, i, n, lower, lowered, breaks);
    }

    /** {@link #fold} from the first character that is not ASCII on; {@code j} trails {@code i} once one is dropped. */
    private static int symbols(char[] src, int from, int n, char[] lower, boolean loweredBefore, boolean foldedBefore) {
        boolean lowered = loweredBefore;
        boolean folded = foldedBefore;
        int j = from;
        for (int i = from; i < n; i++) {
            char c = src[i];
            if (c < 0x7f && c >= 0x20) {
                src[j] = c;
                if (c >= 'A' && c <= 'Z') {
                    c += 32;
                    lowered = true;
                }
                lower[j++] = c;
            } else if (c < 0xa0 && (c < 0x20 || c >= 0x7f)) { // C0 and C1 controls and DEL
                src[j] = ' ';
                lower[j++] = ' ';
                folded = true;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(src[i + 1])) {
                int cp = Character.toCodePoint(c, src[i + 1]);
                if (!StableSymbols.isStable(cp) || Character.toLowerCase(cp) != cp) {
                    return NOT_QUICK;
                }
                char low = src[++i];
                src[j] = c;
                lower[j] = c;
                src[j + 1] = low;
                lower[j + 1] = low;
                j += 2;
            } else if (StableSymbols.isStable(c)) {
                int l = Character.toLowerCase((int) c);
                if (l > Character.MAX_VALUE) {
                    return NOT_QUICK;
                }
                lowered |= l != c; // a few letter-like symbols have a lower case (U+2132 → U+214E)
                src[j] = c;
                lower[j++] = (char) l;
            } else if (c >= LatinLetters.FROM && c < LatinLetters.TO && LatinLetters.folded(c) != LatinLetters.NONE) {
                char f = LatinLetters.folded(c); // "é" → "e"
                char l = LatinLetters.lower(c);
                folded |= f != c;
                lowered |= l != f;
                src[j] = f;
                lower[j++] = l;
            } else if (StableSymbols.isDropped(c)) {
                folded = true;
            } else {
                return NOT_QUICK;
            }
        }
        return j | (folded ? FOLDED : 0) | (lowered ? LOWERED : 0);
    }
}
