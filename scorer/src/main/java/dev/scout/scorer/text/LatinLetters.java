package dev.scout.scorer.text;

/**
 * What {@link TextFolding#fold} makes of each character from U+00A0 to U+024F (Latin-1 Supplement, Latin
 * Extended-A and B) when that is a single character: "é" → "e", "Å" → "A", "ß" stays "ß", a no-break space → a
 * space. Captions in French, German, Spanish, Portuguese or Polish are full of these, and folding them here spares
 * the text the normaliser. NFKD decomposes each such letter on its own and folding drops every mark it leaves, so
 * the result does not depend on the characters around it. The table is computed from {@code fold} itself when the
 * class loads, so it cannot drift from it. Immutable and thread-safe.
 */
final class LatinLetters {

    static final char FROM = 0x00A0;
    static final char TO = 0x0250;
    /** No single character: the letter folds to two ("Ĳ" → "IJ") or to nothing, and takes the long way. */
    static final char NONE = 0xFFFF;
    private static final char[] FOLDED = new char[TO - FROM];
    private static final char[] LOWER = new char[TO - FROM];

    static {
        for (char c = FROM; c < TO; c++) {
            String f = TextFolding.fold(String.valueOf(c));
            String l = f.toLowerCase(java.util.Locale.ROOT);
            // One character, lower-cased on its own as String.toLowerCase would (no İ or Σ, no surrogate).
            boolean single = f.length() == 1 && l.length() == 1 && !Character.isSurrogate(f.charAt(0))
                    && l.charAt(0) == Character.toLowerCase(f.charAt(0));
            FOLDED[c - FROM] = single ? f.charAt(0) : NONE;
            LOWER[c - FROM] = single ? l.charAt(0) : NONE;
        }
    }

    private LatinLetters() {
    }

    /** The folded form of {@code c}, which must lie in [{@link #FROM}, {@link #TO}), or {@link #NONE}. */
    static char folded(char c) {
        return FOLDED[c - FROM];
    }

    /** The lower case of {@link #folded}{@code (c)}, for a {@code c} that has one. */
    static char lower(char c) {
        return LOWER[c - FROM];
    }
}
