package dev.scout.scorer.internal.text;

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
        return stem(word, 0, word.length());
    }

    /**
     * The stem of the word {@code text[start, end)}, cut straight from {@code text} (one string, not a copy of the
     * word and then of its stem).
     *
     * @param text lower-case text
     */
    static String stem(String text, int start, int end) {
        int n = end - start;
        if (n <= 3 || text.charAt(end - 1) != 's') {
            return text.substring(start, end);
        }
        if (endsWith(text, end, "ies") && n > 4) {
            return text.substring(start, end - 3) + "y"; // berries → berry
        }
        if (endsWith(text, end, "sses")) {
            return text.substring(start, end - 2); // glasses → glass
        }
        if (endsWith(text, end, "ss") || endsWith(text, end, "us") || endsWith(text, end, "is")) {
            return text.substring(start, end); // glass, hummus, basis: not plurals
        }
        if (endsWith(text, end, "oes") || endsWith(text, end, "xes") || endsWith(text, end, "zes")
                || endsWith(text, end, "ches") || endsWith(text, end, "shes")) {
            return text.substring(start, end - 2); // tomatoes, boxes, dishes
        }
        return text.substring(start, end - 1);
    }

    /** Whether the word ending at {@code end} ends with {@code suffix}; never reads before the word (n ≥ 4 here). */
    private static boolean endsWith(String text, int end, String suffix) {
        return text.startsWith(suffix, end - suffix.length());
    }
}
