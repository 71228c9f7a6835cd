package dev.scout.scorer.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes hostile profile text comparable: Unicode NFKC compatibility forms (full-width letters, ligatures, styled
 * "𝐯𝐞𝐠𝐚𝐧"), accents folded ("publicité" → "publicite"), and invisible or direction-changing characters removed
 * (RTL/LTR marks and overrides, zero-width joiners, control characters) so they cannot split or disguise words.
 * Case is preserved; callers lower-case when they need to. Pure and thread-safe.
 */
public final class TextFolding {

    private TextFolding() {
    }

    /** Folds {@code text} as described in the class comment; never returns null. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (isPlainAscii(text) || isStableAsIs(text)) {
            return text; // the common cases: nothing to normalise, and Normalizer is comparatively slow
        }
        // Emoji and most symbols are already in NFKD; the quick check avoids building a new string for them.
        String decomposed = Normalizer.isNormalized(text, Normalizer.Form.NFKD) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKD);
        int first = firstChange(decomposed);
        if (first == decomposed.length()) {
            return decomposed; // e.g. text whose only non-ASCII characters are emoji: nothing to drop or replace
        }
        StringBuilder out = new StringBuilder(decomposed.length());
        out.append(decomposed, 0, first);
        for (int i = first; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x7f) { // ASCII has no marks or format characters: only controls change (as below)
                out.append(c < 0x20 ? ' ' : c);
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT) {
                continue; // accents, RTL/LTR marks and overrides, zero-width characters
            }
            if (type == Character.CONTROL) {
                out.append(' ');
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Index of the first character the loop in {@link #fold} drops or replaces, or the length when there is none. */
    private static int firstChange(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x7f ? c < 0x20 : changes(Character.getType(c))) {
                return i;
            }
        }
        return s.length();
    }

    private static boolean changes(int type) {
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT || type == Character.CONTROL;
    }

    /** Folds and lower-cases with the root locale (no Turkish dotless-i surprises). */
    public static String foldLower(String text) {
        return fold(text).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code s} is printable ASCII plus {@link StableSymbols} (emoji and the like) only: then it is already in
     * NFKD and the loop in {@link #fold} would change nothing. (ASCII controls, even line breaks, become spaces
     * once the text is not plain ASCII, so they send the text the long way.)
     */
    private static boolean isStableAsIs(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x7f) {
                if (c < 0x20) {
                    return false;
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (!StableSymbols.isStable(Character.toCodePoint(c, s.charAt(++i)))) {
                    return false;
                }
            } else if (!StableSymbols.isStable(c)) {
                return false;
            }
        }
        return true;
    }

    static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x7f || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
                return false;
            }
        }
        return true;
    }
}
