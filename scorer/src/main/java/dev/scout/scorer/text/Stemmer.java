package dev.scout.scorer.text;

/**
 * A deliberately small English plural stemmer ("recipes" → "recipe", "berries" → "berry", "dishes" → "dish").
 * It only needs to map a keyword and the words of a caption onto the same form; both sides go through it, so
 * imperfect stems ("leaves" → "leave") still match each other. Pure and thread-safe.
 */
public final class Stemmer {

    private Stemmer() {
    }

    /** @param word lower-case word */
    public static String stem(String word) {
        char[] w = word.toCharArray();
        int end = stemInPlace(w, 0, w.length);
        return end == w.length ? word : new String(w, 0, end);
    }

    /**
     * Stems the lower-case word {@code w[from, to)} in place and returns its new end ("berries" becomes "berry" by
     * writing the {@code y} over the {@code i}). The suffixes are tested character by character: this runs for every
     * word ending in "s" of every caption, and a helper per suffix was not inlined by the JIT (a call per test).
     */
    public static int stemInPlace(char[] w, int from, int to) {
        if (to - from <= 3 || w[to - 1] != 's') {
            return to;
        }
        char c2 = w[to - 2]; // four characters at least: w[to - 4] is in the word
        char c3 = w[to - 3];
        if (c2 == 'e' && c3 == 'i' && to - from > 4) { // -ies
            w[to - 3] = 'y';
            return to - 2;
        }
        if (c2 == 'e' && c3 == 's' && w[to - 4] == 's') { // -sses
            return to - 2;
        }
        if (c2 == 's' || c2 == 'u' || c2 == 'i') { // -ss, -us, -is
            return to;
        }
        if (c2 == 'e' && (c3 == 'o' || c3 == 'x' || c3 == 'z'
                || (c3 == 'h' && (w[to - 4] == 'c' || w[to - 4] == 's')))) { // -oes, -xes, -zes, -ches, -shes
            return to - 2;
        }
        return to - 1;
    }
}
