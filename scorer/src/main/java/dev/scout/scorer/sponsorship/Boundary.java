package dev.scout.scorer.sponsorship;

/**
 * The character tests of the {@link Lexicon}'s phrase regexes, for the hand-written matchers that replace them
 * ({@link LiteralPhrases}, {@link PhraseMatchers}): {@code \b} exactly as {@link java.util.regex.Pattern} decides
 * it with transparent bounds (letters, digits and underscore are word characters, and so is a non-spacing mark
 * standing on one), and the ASCII-only {@code \w}, {@code \s} and {@code \d} of a pattern compiled without
 * {@code UNICODE_CHARACTER_CLASS}. Texts are {@code char[]} buffers valid up to a length. Pure.
 */
final class Boundary {

    /** {@code \w}: ASCII letters, digits and underscore. */
    private static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        }
    }

    private Boundary() {
    }

    /** {@code \b} at {@code i} of {@code t[0, len)}: a word character on exactly one side. */
    static boolean at(char[] t, int len, int i) {
        return wordBefore(t, len, i) != wordAt(t, len, i);
    }

    /**
     * Whether {@code \b} sees a word character just before {@code i}. An ASCII word character there is the common
     * answer and needs no table; callers use it to reject a candidate in the middle of a word at once.
     */
    static boolean wordBefore(char[] t, int len, int i) {
        if (i <= 0) {
            return false;
        }
        char c = t[i - 1];
        if (c < 128) {
            return WORD[c];
        }
        int cp = Character.codePointBefore(t, i);
        return isWord(cp) || (Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(t, i - 1, len));
    }

    /** Whether {@code \b} sees a word character at {@code i} (none at the end of the text). */
    static boolean wordAt(char[] t, int len, int i) {
        if (i >= len) {
            return false;
        }
        char c = t[i];
        if (c < 128) {
            return WORD[c];
        }
        int cp = Character.codePointAt(t, i, len);
        return isWord(cp) || (Character.getType(cp) == Character.NON_SPACING_MARK && hasBase(t, i, len));
    }

    /** {@code \w} (ASCII). */
    static boolean isAsciiWord(char c) {
        return c < 128 && WORD[c];
    }

    /** {@code \s} (ASCII): space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code \d} (ASCII). */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code .} without {@code DOTALL}: anything but a line terminator. */
    static boolean isDot(int cp) {
        return cp != '\n' && cp != '\r' && cp != '\u0085' && cp != '\u2028' && cp != '\u2029';
    }

    private static boolean isWord(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    /** As the regex's {@code hasBaseCharacter}: from {@code x} back over non-spacing marks to a letter or digit. */
    private static boolean hasBase(char[] t, int x, int len) {
        for (int k = x; k >= 0; k--) {
            int cp = Character.codePointAt(t, k, len);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            if (Character.getType(cp) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }
}
