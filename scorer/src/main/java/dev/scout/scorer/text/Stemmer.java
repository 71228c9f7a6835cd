package dev.scout.scorer.text;

/**
 * A deliberately small English plural stemmer ("recipes" → "recipe", "berries" → "berry", "dishes" → "dish").
 * It only needs to map a niche keyword and the words of a caption onto the same form; both sides go through it, so
 * imperfect stems ("leaves" → "leave") still match each other. Other languages' words pass through unchanged
 * unless they end in "s" like an English plural; captions carry no reliable language tag to pick a stemmer by.
 * Pure and thread-safe.
 */
public final class Stemmer {

    private Stemmer() {
    }

    /** @param word lower-case word */
    public static String stem(String word) {
        int n = word.length();
        if (n <= 3 || !word.endsWith("s")) {
            return word;
        }
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y"; // berries → berry
        }
        if (word.endsWith("sses")) {
            return word.substring(0, n - 2); // glasses → glass
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word; // glass, hummus, basis: not plurals
        }
        if (word.endsWith("oes") || word.endsWith("xes") || word.endsWith("zes") || word.endsWith("ches")
                || word.endsWith("shes")) {
            return word.substring(0, n - 2); // tomatoes, boxes, dishes
        }
        return word.substring(0, n - 1);
    }
}
