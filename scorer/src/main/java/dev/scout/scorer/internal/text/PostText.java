package dev.scout.scorer.internal.text;

import java.util.List;

/**
 * One piece of text (a caption or a bio) prepared once for every detector: folded text, its lower-case form (same
 * length, so positions carry over), the word tokens (lower case, plural-stemmed, hashtags split on camel case so
 * {@code #PlantBasedRecipes} gives "plant based recipe"), the set of whole hashtags (lower case, no {@code #}) and
 * the URLs and mentions found in the text.
 *
 * <p>Mentions ({@code @user@host}) and URLs are kept out of the word tokens so that a handle such as
 * {@code @tofu_fan} is not read as the word "tofu". Immutable and thread-safe.
 *
 * @param folded   text after {@link TextFolding#fold}
 * @param lower    {@code folded} after {@link TextFolding#lower}
 * @param words    word tokens in order
 * @param hashtags distinct whole hashtags, lower case, from the text and the structured list, in order of appearance
 * @param urls     http(s) URLs written in the text
 * @param mentions handles written in the text, lower case, without the leading {@code @}
 */
public record PostText(String folded, String lower, Words words, List<String> hashtags, List<String> urls,
                       List<String> mentions) {

    /** Prepares {@code text} plus structured hashtags (as a platform gives them, with or without {@code #}). */
    public static PostText of(String text, List<String> structuredHashtags) {
        PostText fast = text == null ? null : FastTokenizer.tokenize(text, structuredHashtags);
        return fast != null ? fast : plain(text, structuredHashtags);
    }

    /** The plain path, which defines the result for every text: fold, then tokenize. */
    static PostText plain(String text, List<String> structuredHashtags) {
        return Tokenizer.tokenize(TextFolding.fold(text), structuredHashtags);
    }

    public static PostText of(String text) {
        return of(text, List.of());
    }
}
