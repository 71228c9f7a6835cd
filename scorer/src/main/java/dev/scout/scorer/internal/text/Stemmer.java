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
        Words.Builder out = new Words.Builder(word.length());
        appendStem(word.toCharArray(), 0, word.length(), out);
        out.endWord();
        return out.build().word(0);
    }

    /**
     * Appends the stem of the word {@code text[start, end)} to {@code out}, read in place (no string for the word).
     *
     * @param text lower-case text
     */
    static void appendStem(char[] text, int start, int end, Words.Builder out) {
        int n = end - start;
        if (n <= 3 || text[end - 1] != 's') {
            out.append(text, start, end);
        } else if (endsWith(text, end, "ies") && n > 4) {
            out.append(text, start, end - 3); // berries → berry
            out.append('y');
        } else if (endsWith(text, end, "sses")) {
            out.append(text, start, end - 2); // glasses → glass
        } else if (endsWith(text, end, "ss") || endsWith(text, end, "us") || endsWith(text, end, "is")) {
            out.append(text, start, end); // glass, hummus, basis: not plurals
        } else if (endsWith(text, end, "oes") || endsWith(text, end, "xes") || endsWith(text, end, "zes")
                || endsWith(text, end, "ches") || endsWith(text, end, "shes")) {
            out.append(text, start, end - 2); // tomatoes, boxes, dishes
        } else {
            out.append(text, start, end - 1);
        }
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
