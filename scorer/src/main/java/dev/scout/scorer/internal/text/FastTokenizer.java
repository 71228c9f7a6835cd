package dev.scout.scorer.internal.text;

import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link PostText#of}, for the usual caption: printable ASCII, perhaps with line breaks, tabs,
 * emoji and other symbols, and the invisible characters emoji are written with (zero-width joiners, variation
 * selectors). It gives exactly what the plain path ({@link TextFolding#fold}, then {@link Tokenizer}) gives, which
 * a property test checks, but folds and lower-cases by hand and reads mentions, hashtags, URLs and words over a
 * character array, without the Unicode machinery the plain path needs for other text.
 *
 * <p>Why its result is the plain one, for the text it takes ({@link Kind}): folding turns each control character
 * into a space, removes the invisible characters and leaves everything else as it is; lower-casing then changes
 * only A-Z; and in that text the plain tokenizer finds letters and digits only in a-z and 0-9, and white space only
 * in the space, so the scan below can test for those alone. Any other character (accented or non-Latin letters,
 * accents, non-ASCII spaces) sends the text to the plain path.
 * Not thread-safe: one instance per text.
 */
final class FastTokenizer {

    private static final char DELETE = '\u007F';
    /** Room after the text for a platform's own hashtags, whose words are stored with the text's. */
    private static final int SPARE = 16;
    private static final char[] HTTP = "http://".toCharArray();
    private static final char[] HTTPS = "https://".toCharArray();

    /** What folding does to a character of text this path takes, and which characters it does not take. */
    private enum Kind {
        /** Left as it is: printable ASCII, and symbols that are neither letters, digits nor spaces (emoji). */
        KEPT,
        /** A control character (line feed, tab …): becomes a space. */
        CONTROL,
        /** An invisible character that combines with nothing (see {@link TextFolding#isDroppedAlone}): removed. */
        INVISIBLE,
        /** Anything else: the text takes the plain path. */
        OTHER
    }

    private static final Kind[] KINDS = Kind.values();
    /**
     * {@link #kindOf} of each code point below U+20000, worked out once (128 KB, about 40 ms at start-up): an emoji
     * costs one array read instead of four Unicode property look-ups, and captions are full of emoji.
     */
    private static final byte[] KNOWN_KINDS = new byte[0x20000];

    static {
        for (int cp = 0; cp < KNOWN_KINDS.length; cp++) {
            KNOWN_KINDS[cp] = (byte) kindOf(cp).ordinal();
        }
    }

    private String folded;
    private String lower;
    /** {@link #lower}'s characters, which the scan reads, then unused space. */
    private final char[] chars;
    private int length;
    /** Whether folding changed the text (a control or an invisible character), and whether it had A-Z. */
    private boolean folds;
    private boolean upper;

    private FastTokenizer(String text) {
        this.chars = new char[text.length() + SPARE];
    }

    /**
     * {@code text} prepared as {@link PostText#plain} would, plus a platform's own hashtags; null when the text has
     * a character this path does not take.
     */
    static PostText tokenize(String text, List<String> structuredHashtags) {
        FastTokenizer t = new FastTokenizer(text);
        if (!t.foldAndLower(text)) {
            return null;
        }
        Tokens tokens = new Tokens(t.chars, t.length);
        t.scan(tokens);
        tokens.structuredHashtags(structuredHashtags);
        return tokens.toPostText(t.folded, t.lower);
    }

    /** Sets {@link #folded} and {@link #lower}, and {@link #chars} to the lower case; false if the text is OTHER. */
    private boolean foldAndLower(String text) {
        if (!fold(text, true)) {
            return false;
        }
        lower = folds || upper ? new String(chars, 0, length) : text;
        folded = folds ? lower : text;
        if (folds && upper) { // rarely both: the folded text keeps the case the pass above lowered, so fold again
            fold(text, false);
            folded = new String(chars, 0, length);
            lower.getChars(0, length, chars, 0);
        }
        return true;
    }

    /**
     * Folds {@code text} into {@link #chars}, lower-cased if asked, and sets {@link #length}, {@link #folds} and
     * {@link #upper}; false if the text has a character of kind OTHER.
     */
    private boolean fold(String text, boolean lowerCase) {
        int n = text.length();
        text.getChars(0, n, chars, 0);
        length = 0; // the folded text is written over the text, never ahead of what is still to be read
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= ' ' && c < DELETE) {
                if (c <= 'Z' && c >= 'A') {
                    upper = true;
                    c += lowerCase ? 'a' - 'A' : 0;
                }
                chars[length++] = c;
            } else {
                int cp = Character.codePointAt(chars, i, n);
                Kind kind = kind(cp);
                switch (kind) {
                    case KEPT -> length += Character.toChars(cp, chars, length);
                    case CONTROL -> chars[length++] = ' ';
                    case INVISIBLE -> { }
                    default -> {
                        return false;
                    }
                }
                folds |= kind != Kind.KEPT;
                i += Character.charCount(cp) - 1;
            }
        }
        return true;
    }

    /** A code point's kind: looked up for the first two planes (the BMP and the emoji's plane), else worked out. */
    private static Kind kind(int cp) {
        return cp < KNOWN_KINDS.length ? KINDS[KNOWN_KINDS[cp]] : kindOf(cp);
    }

    private static Kind kindOf(int cp) {
        if (Character.getType(cp) == Character.CONTROL) {
            return Kind.CONTROL;
        }
        if (isInertSymbol(cp)) {
            return Kind.KEPT;
        }
        return TextFolding.isDroppedAlone(cp) ? Kind.INVISIBLE : Kind.OTHER;
    }

    /**
     * A non-ASCII code point that folding and lower-casing leave as it is and that the plain tokenizer reads as
     * neither a letter, a digit nor white space: an emoji or another symbol. Such a character only ends words and
     * hashtags, and is carried inside URLs and mentions, the same on both paths.
     */
    private static boolean isInertSymbol(int cp) {
        return Character.getType(cp) != Character.SURROGATE && !Character.isLetterOrDigit(cp)
                && !Character.isWhitespace(cp) && Character.toLowerCase(cp) == cp && TextFolding.isStable(cp);
    }

    /** The plain tokenizer's scan, for text whose only letters and digits are ASCII and whose only space is ' '. */
    private void scan(Tokens tokens) {
        int i = 0;
        while (i < length) {
            char c = chars[i];
            if (isLetterOrDigit(c)) {
                int end;
                if (c == 'h' && isUrlStart(i)) {
                    end = endOfNonSpace(i);
                    tokens.url(folded, i, end);
                } else {
                    end = i + 1;
                    while (end < length && isLetterOrDigit(chars[end])) {
                        end++;
                    }
                    tokens.word(i, end);
                }
                i = end;
            } else if (c == '#' && i + 1 < length && isLetterOrDigit(chars[i + 1])) {
                int end = i + 1;
                while (end < length && (isLetterOrDigit(chars[end]) || chars[end] == '_')) {
                    end++;
                }
                tokens.hashtag(folded, lower, i + 1, end);
                i = end;
            } else if (c == '@' && i + 1 < length && (isLetterOrDigit(chars[i + 1]) || chars[i + 1] == '_')) {
                int end = endOfNonSpace(i + 1);
                tokens.mention(lower, i + 1, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** "http://" or "https://" at {@code i}, at the start of a word. */
    private boolean isUrlStart(int i) {
        return (startsWith(i, HTTP) || startsWith(i, HTTPS)) && (i == 0 || !isLetterOrDigit(chars[i - 1]));
    }

    /** Whether the lower-case text has {@code prefix} at {@code i}. */
    private boolean startsWith(int i, char[] prefix) {
        int end = i + prefix.length;
        return end <= length && Arrays.equals(chars, i, end, prefix, 0, prefix.length);
    }

    /** A letter or digit of the lower-case text: the only ones this path lets through are ASCII. */
    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private int endOfNonSpace(int from) {
        int end = from;
        while (end < length && chars[end] != ' ') {
            end++;
        }
        return end;
    }
}
