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
}
