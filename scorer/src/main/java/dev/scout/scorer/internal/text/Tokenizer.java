package dev.scout.scorer.internal.text;

import java.util.List;

/**
 * Splits folded text into URLs, mentions, hashtags and words, as {@link PostText} describes: mentions
 * ({@code @user@host}) and URLs are kept out of the words so that a handle such as {@code @tofu_fan} is not read
 * as the word "tofu", and hashtags are split on camel case, underscores and letter/digit changes
 * ({@code #PlantBasedRecipes} gives "plant based recipe", {@code #Top10Tips} "top 10 tip"). This is the plain path,
 * which defines the result for every text; {@link FastTokenizer} gives the same result faster for plain text.
 * Not thread-safe: one instance per text.
 */
final class Tokenizer {

    private final String folded;
    private final String lower;
    private final Tokens tokens;

    private Tokenizer(String folded) {
        this.folded = folded;
        this.lower = TextFolding.lower(folded);
        this.tokens = new Tokens(lower.toCharArray(), lower.length());
    }

    /** The prepared form of text already {@linkplain TextFolding#fold folded}, plus a platform's own hashtags. */
    static PostText tokenize(String folded, List<String> structuredHashtags) {
        Tokenizer t = new Tokenizer(folded);
        t.scan();
        t.tokens.structuredHashtags(structuredHashtags);
        return t.tokens.toPostText(folded, t.lower);
    }

    private void scan() {
        int n = folded.length();
        int i = 0;
        while (i < n) {
            char c = folded.charAt(i);
            if (c == '@' && i + 1 < n && isHandleChar(folded.charAt(i + 1))) {
                int end = endOfNonSpace(i + 1);
                tokens.mention(lower, i + 1, end);
                i = end;
            } else if (c == '#' && i + 1 < n && isLetterOrDigit(folded.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && (isLetterOrDigit(folded.charAt(end)) || folded.charAt(end) == '_')) {
                    end++;
                }
                tokens.hashtag(folded, lower, i + 1, end);
                i = end;
            } else if (isUrlStart(i)) {
                int end = endOfNonSpace(i);
                tokens.url(folded, i, end);
                i = end;
            } else if (isLetterOrDigit(c)) {
                int end = i + 1;
                while (end < n && isLetterOrDigit(folded.charAt(end))) {
                    end++;
                }
                tokens.word(i, end);
                i = end;
            } else {
                i++;
            }
        }
    }

    /** "http://" or "https://" at {@code i}, at the start of a word. */
    private boolean isUrlStart(int i) {
        return (folded.charAt(i) == 'h' || folded.charAt(i) == 'H') && lower.startsWith("http", i)
                && (lower.startsWith("://", i + 4) || lower.startsWith("s://", i + 4))
                && (i == 0 || !isLetterOrDigit(folded.charAt(i - 1)));
    }

    private static boolean isHandleChar(char c) {
        return isLetterOrDigit(c) || c == '_';
    }

    /** {@link Character#isLetterOrDigit(char)}, answered without a table lookup for ASCII (most characters). */
    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            char letter = (char) (c | 0x20);
            return (letter >= 'a' && letter <= 'z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private int endOfNonSpace(int from) {
        int end = from;
        while (end < folded.length() && !Character.isWhitespace(folded.charAt(end))) {
            end++;
        }
        return end;
    }
}
