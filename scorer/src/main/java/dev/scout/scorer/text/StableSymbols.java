package dev.scout.scorer.text;

import java.text.Normalizer;

/**
 * Symbols and emoji that {@link TextFolding#fold} leaves exactly as they are (already in NFKD on their own, no
 * combining, format or control character: nothing to drop or replace), and the marks and format characters it
 * drops wherever they stand. Captions are full of both (🌱 ✨ 🍲, the joiner in 👩‍🍳), and recognising them here
 * spares such a caption the normaliser, which cost more than the rest of its preparation. The tables are computed
 * from {@link Normalizer} and {@link Character} when the class loads, so they cannot drift from them. Immutable and
 * thread-safe.
 */
final class StableSymbols {

    /** General punctuation to miscellaneous symbols and arrows (includes dingbats such as ✨). */
    private static final int BMP_FROM = 0x2000;
    private static final int BMP_TO = 0x2C00;
    /** Miscellaneous symbols and pictographs to symbols and pictographs extended-A (most emoji). */
    private static final int SUPPLEMENTARY_FROM = 0x1F300;
    private static final int SUPPLEMENTARY_TO = 0x1FB00;
    private static final boolean[] BMP = table(BMP_FROM, BMP_TO);
    private static final boolean[] SUPPLEMENTARY = table(SUPPLEMENTARY_FROM, SUPPLEMENTARY_TO);
    /** {@link #isDropped} for every BMP character, one bit each. */
    private static final long[] DROPPED = dropped();

    private StableSymbols() {
    }

    /** Whether folding keeps code point {@code cp} unchanged in any text around it. */
    static boolean isStable(int cp) {
        if (cp >= BMP_FROM && cp < BMP_TO) {
            return BMP[cp - BMP_FROM];
        }
        return cp >= SUPPLEMENTARY_FROM && cp < SUPPLEMENTARY_TO && SUPPLEMENTARY[cp - SUPPLEMENTARY_FROM];
    }

    /**
     * Whether folding drops BMP character {@code c} in any text around it: a combining mark or format character that
     * is in NFKD on its own. (Marks with a combining class may be reordered by NFKD, but only among themselves, and
     * folding drops them all.)
     */
    static boolean isDropped(char c) {
        return (DROPPED[c >>> 6] & (1L << c)) != 0;
    }

    private static long[] dropped() {
        long[] bits = new long[(Character.MAX_VALUE + 1) >>> 6];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            int type = Character.getType(c);
            if ((type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT)
                    && Normalizer.isNormalized(String.valueOf((char) c), Normalizer.Form.NFKD)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return bits;
    }

    private static boolean[] table(int from, int to) {
        boolean[] stable = new boolean[to - from];
        for (int cp = from; cp < to; cp++) {
            int type = Character.getType(cp);
            stable[cp - from] = Character.isDefined(cp) && type != Character.NON_SPACING_MARK
                    && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.FORMAT && type != Character.CONTROL && type != Character.SURROGATE
                    && Normalizer.isNormalized(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        }
        return stable;
    }
}
