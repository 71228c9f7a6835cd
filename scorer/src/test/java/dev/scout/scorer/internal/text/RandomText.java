package dev.scout.scorer.internal.text;

import java.util.SplittableRandom;

/**
 * Seeded random text for property tests of the text pipeline: words in several scripts and cases, camel-case and
 * underscored hashtags, mentions, URLs, emoji, accents, digits and punctuation.
 */
public final class RandomText {

    /**
     * Letters to build words from: ASCII in both cases, accented Latin, German, Cyrillic, Greek (with the capital
     * sigma, whose lower case depends on the letter after it), CJK and Arabic.
     */
    private static final String[] LETTERS = {"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "éèüöäçñ",
            "ÉÜÖÇ", "ßẞ", "дружбаДРУЖБА", "αβγδλσωΑΒΓΔΛΣΩ", "中文字", "كتاب"};
    private static final String[] OTHERS = {" ", " ", " ", ", ", ". ", "! ", "-", "'", "&", "\n", "🌱", "👩‍🍳", "✨",
            "\u200B", "\u202E", "%", "15% ", "2", "10"};
    private static final String[] PLURALS = {"s", "es", "ies", "ss", "us", ""};

    private RandomText() {
    }

    /** A word of 1-9 letters from one alphabet, sometimes with a plural-looking ending. */
    public static String word(SplittableRandom r) {
        String alphabet = LETTERS[r.nextInt(LETTERS.length)];
        StringBuilder w = new StringBuilder();
        for (int n = 1 + r.nextInt(9); n > 0; n--) {
            w.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                    r.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return w + (r.nextInt(3) == 0 ? PLURALS[r.nextInt(PLURALS.length)] : "");
    }

    /** A hashtag body: words run together in mixed case, with digits and underscores ("PlantBased_2Go"). */
    public static String hashtag(SplittableRandom r) {
        StringBuilder t = new StringBuilder(word(r));
        for (int n = r.nextInt(4); n > 0; n--) {
            switch (r.nextInt(4)) {
                case 0 -> t.append('_');
                case 1 -> t.append(r.nextInt(100));
                default -> { }
            }
            String w = word(r);
            t.append(r.nextBoolean() ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return t.toString();
    }

    /** A caption of up to 30 pieces: words, hashtags, mentions, URLs, emoji and punctuation. */
    public static String caption(SplittableRandom r) {
        StringBuilder c = new StringBuilder();
        for (int n = r.nextInt(30); n > 0; n--) {
            switch (r.nextInt(10)) {
                case 0 -> c.append('#').append(hashtag(r));
                case 1 -> c.append('@').append(word(r)).append(r.nextBoolean() ? "@shop.example" : "");
                case 2 -> c.append("https://").append(word(r)).append(".example/").append(word(r));
                case 3, 4 -> c.append(OTHERS[r.nextInt(OTHERS.length)]);
                default -> c.append(word(r));
            }
            c.append(r.nextInt(4) == 0 ? "" : " ");
        }
        return c.toString();
    }
}
