package dev.scout.scorer.text;

import java.text.Normalizer;

/**
 * Symbols and emoji that {@link TextFolding#fold} leaves exactly as they are: already in NFKD on their own, no
 * combining, format or control character, and so nothing to drop or replace. Captions are full of them (🌱 ✨ 🍲),
 * and recognising them here spares such a caption the normaliser, which cost more than the rest of its preparation.
 * The tables are computed from {@link Normalizer} itself when the class loads, so they cannot drift from it.
 * Immutable and thread-safe.
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

    private StableSymbols() {
    }

    /** Whether folding keeps code point {@code cp} unchanged in any text around it. */
    static boolean isStable(int cp) {
        if (cp >= BMP_FROM && cp < BMP_TO) {
            return BMP[cp - BMP_FROM];
        }
        return cp >= SUPPLEMENTARY_FROM && cp < SUPPLEMENTARY_TO && SUPPLEMENTARY[cp - SUPPLEMENTARY_FROM];
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
