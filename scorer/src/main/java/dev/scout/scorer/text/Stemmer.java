package dev.scout.scorer.text;

/**
 * A deliberately small English plural stemmer ("recipes" → "recipe", "berries" → "berry", "dishes" → "dish").
 * It only needs to map a keyword and the words of a caption onto the same form; both sides go through it, so
 * imperfect stems ("leaves" → "leave") still match each other. Pure and thread-safe.
 */
public final class Stemmer {

    private Stemmer() {
    }

    /**
     * The stem of {@code text.substring(from, to)}, without building that substring first when the word is not a
     * plural (the common case on the tokeniser's hot path). Same result as {@code stem(text.substring(from, to))}.
     *
     * @param text lower-case text holding the word
     */
    public static String stem(String text, int from, int to) {
        int n = to - from;
        if (n <= 3 || text.charAt(to - 1) != 's') {
            return text.substring(from, to);
        }
        if (endsWith(text, to, "ies") && n > 4) {
            return text.substring(from, to - 3) + "y";
        }
        if (endsWith(text, to, "sses")) {
            return text.substring(from, to - 2);
        }
        if (endsWith(text, to, "ss") || endsWith(text, to, "us") || endsWith(text, to, "is")) {
            return text.substring(from, to);
        }
        if (endsWith(text, to, "oes") || endsWith(text, to, "xes") || endsWith(text, to, "ches")
                || endsWith(text, to, "shes") || endsWith(text, to, "zes")) {
            return text.substring(from, to - 2);
        }
        return text.substring(from, to - 1);
    }

    /** The caller guarantees at least four characters before {@code to}, enough for every suffix above. */
    private static boolean endsWith(String text, int to, String suffix) {
        return text.startsWith(suffix, to - suffix.length());
    }

    /** @param word lower-case word */
    public static String stem(String word) {
        int n = word.length();
        if (n <= 3 || word.charAt(n - 1) != 's') {
            return word;
        }
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("sses")) {
            return word.substring(0, n - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("oes") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
                || word.endsWith("zes")) {
            return word.substring(0, n - 2);
        }
        return word.substring(0, n - 1);
    }

    /**
     * Stems the lower-case word {@code w[from, to)} in place and returns its new end; same result as
     * {@link #stem(String)} on that word ("berries" becomes "berry" by writing the {@code y} over the {@code i}).
     * The suffixes are tested character by character, in {@link #stem(String)}'s order: this runs for every word
     * ending in "s" of every caption, and a helper per suffix was not inlined by the JIT (a call per test).
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
