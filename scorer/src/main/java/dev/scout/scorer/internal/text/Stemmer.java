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
        char[] chars = word.toCharArray();
        return new String(chars, 0, stemInPlace(chars, 0, chars.length));
    }

    /**
     * Stems the word {@code text[start, end)} where it stands, reading nothing outside it, and returns where the
     * stem ends: a stem is the word cut short, once with a "y" written over its end ("berries" → "berry").
     *
     * @param text lower-case text
     */
    static int stemInPlace(char[] text, int start, int end) {
        int n = end - start;
        if (n <= 3 || text[end - 1] != 's') {
            return end;
        } else if (endsWith(text, end, "ies") && n > 4) {
            text[end - 3] = 'y'; // berries → berry
            return end - 2;
        } else if (endsWith(text, end, "sses")) {
            return end - 2; // glasses → glass
        } else if (endsWith(text, end, "ss") || endsWith(text, end, "us") || endsWith(text, end, "is")) {
            return end; // glass, hummus, basis: not plurals
        } else if (endsWith(text, end, "oes") || endsWith(text, end, "xes") || endsWith(text, end, "zes")
                || endsWith(text, end, "ches") || endsWith(text, end, "shes")) {
            return end - 2; // tomatoes, boxes, dishes
        }
        return end - 1;
    }

    /** Whether the word ending at {@code end} ends with {@code suffix}; never reads before the word (n ≥ 4 here). */
    private static boolean endsWith(char[] text, int end, String suffix) {
        int from = end - suffix.length();
        for (int i = 0; i < suffix.length(); i++) {
            if (text[from + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
