package dev.scout.scorer.internal.text;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSet.SpanCondition;

import java.util.Locale;

/**
 * Makes hostile profile text comparable, with ICU4J: compatibility forms folded (full-width letters, ligatures,
 * styled "𝐯𝐞𝐠𝐚𝐧" → "vegan"), accents removed ("publicité" → "publicite"), invisible and direction-changing
 * characters dropped (RTL/LTR marks and overrides, zero-width joiners, variation selectors) so they cannot split or
 * disguise words, and control characters, line breaks included, turned into spaces.
 *
 * <p>How: NFKD (compatibility decomposition), then every combining mark and format character is removed and every
 * control becomes a space, then NFC recomposes what is left (Hangul syllables, for instance). The result is
 * therefore in NFKC, without accents. Case is preserved; {@link #lower} lower-cases without changing the length,
 * so an index into the folded text is the same index into its lower case. Plain ASCII and text already in that
 * form (emoji and symbols included) are recognised by one span over the characters folding never changes and
 * returned as they are, without a copy.
 * Pure and thread-safe.
 */
public final class TextFolding {

    private static final Normalizer2 NFKD = Normalizer2.getNFKDInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** Combining marks (accents) and format characters (bidi controls, zero-width characters): dropped. */
    private static final UnicodeSet DROPPED = new UnicodeSet("[[:Mn:][:Me:][:Mc:][:Cf:]]").freeze();
    /** Control characters (tab, line feed, bell …): each becomes a space. */
    private static final UnicodeSet CONTROLS = new UnicodeSet("[:Cc:]").freeze();
    /** Everything folding changes after the decomposition. */
    private static final UnicodeSet CHANGED = new UnicodeSet(DROPPED).addAll(CONTROLS).freeze();
    /**
     * Characters folding leaves as they are, whatever stands around them: already in NFKD and in NFC, combining with
     * nothing (combining class 0), and not dropped or replaced. Text made only of these is its own fold, so one span
     * over it replaces the two normaliser passes for plain ASCII, unaccented Cyrillic or Greek, emoji and symbols.
     */
    private static final UnicodeSet STABLE = new UnicodeSet("[[:NFKD_QC=Yes:]&[:NFC_QC=Yes:]&[:ccc=0:]]")
            .removeAll(CHANGED).freeze();
    /**
     * Dropped characters that decompose to nothing else and combine with nothing (combining class 0): direction
     * marks and overrides, zero-width joiners, variation selectors. Folding removes such a character and, when the
     * characters around it are {@linkplain #isStable stable}, leaves those as they are.
     */
    private static final UnicodeSet DROPPED_ALONE = new UnicodeSet("[[:NFKD_QC=Yes:]&[:ccc=0:]]")
            .retainAll(DROPPED).freeze();

    private static final char FINAL_SIGMA = '\u03C2';
    private static final char SIGMA = '\u03C3';

    private TextFolding() {
    }

    /** Folds {@code text} as described in the class comment; null gives "". */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int ascii = printableAsciiPrefix(text); // a plain loop is cheaper than ICU's span for the usual ASCII
        if (ascii == text.length() || STABLE.span(text, ascii, SpanCondition.SIMPLE) == text.length()) {
            return text; // most captions: nothing to decompose, drop or replace
        }
        String decomposed = NFKD.normalize(text); // the same instance when the quick check says it is in NFKD
        int first = CHANGED.span(decomposed, SpanCondition.NOT_CONTAINED);
        if (first == decomposed.length()) {
            return NFC.normalize(decomposed); // e.g. emoji and symbols only: nothing to drop, usually no copy
        }
        StringBuilder out = new StringBuilder(decomposed.length()).append(decomposed, 0, first);
        for (int i = first; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            if (CONTROLS.contains(cp)) {
                out.append(' ');
            } else if (!DROPPED.contains(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return NFC.normalize(out);
    }

    /**
     * {@code folded} lower-cased with the root locale (no Turkish dotless-i surprises), code point by code point,
     * so that it has exactly the length of {@code folded}, and with the Greek final sigma ς written σ.
     *
     * <p>Why the sigma: lower-casing gives Σ its final form from its neighbours, so the same word differs by where it
     * stands — "ΟΔΟΣ" alone gives "οδος", but cut from the lower-cased hashtag "#ΟΔΟΣΑθηνων" it is "οδοσ", and a
     * Σ before a CJK character becomes ς at the start of a word. Matching compares words, so one form for both.
     */
    public static String lower(String folded) {
        String lower = folded.toLowerCase(Locale.ROOT); // the same instance when nothing changes
        if (lower.length() != folded.length()) { // never, in practice: folding removed the longer lower cases
            StringBuilder out = new StringBuilder(folded.length());
            folded.codePoints().forEach(cp -> out.appendCodePoint(Character.toLowerCase(cp)));
            lower = out.toString();
        }
        return lower.replace(FINAL_SIGMA, SIGMA); // the same instance when there is none
    }

    /** Folds and lower-cases ({@link #fold}, then {@link #lower}). */
    public static String foldLower(String text) {
        return lower(fold(text));
    }

    /** Whether folding leaves code point {@code cp} as it is, whatever stands around it. */
    static boolean isStable(int cp) {
        return STABLE.contains(cp);
    }

    /**
     * Whether folding removes code point {@code cp} and nothing more when the characters around it are
     * {@linkplain #isStable stable} (see {@link #DROPPED_ALONE}).
     */
    static boolean isDroppedAlone(int cp) {
        return DROPPED_ALONE.contains(cp);
    }

    /** How many leading characters of {@code s} are printable ASCII (all in {@link #STABLE}). */
    private static int printableAsciiPrefix(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) >= 0x20 && s.charAt(i) < 0x7f) {
            i++;
        }
        return i;
    }
}
