package dev.scout.scorer.text;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One piece of text (a caption or a bio) prepared once for every detector: folded text, its lower-case form, the
 * word tokens (lower case, plural-stemmed, hashtags split on camel case so {@code #PlantBasedRecipes} gives
 * "plant based recipe"), the set of whole hashtags (lower case, no {@code #}) and the URLs found in the text.
 *
 * <p>Mentions ({@code @user@host}) and URLs are kept out of the word tokens so that a handle such as
 * {@code @tofu_fan} is not read as the word "tofu". The scorer itself works on a reused {@link TextScan}, which
 * yields the same content without a {@code String} per token; this record is its immutable form. Immutable and
 * thread-safe.
 *
 * @param folded   text after {@link TextFolding#fold}
 * @param lower    {@code folded} in lower case
 * @param words    word tokens in order
 * @param hashtags whole hashtags, lower case, from the text and from the structured list
 * @param urls     http(s) URLs written in the text
 * @param mentions handles written in the text, lower case, without the leading {@code @}
 */
public record PostText(String folded, String lower, String[] words, Set<String> hashtags, List<String> urls,
                       List<String> mentions) {

    /** Prepares {@code text} plus structured hashtags (as a platform gives them, with or without {@code #}). */
    public static PostText of(String text, Collection<String> structuredHashtags) {
        return from(new TextScan().scan(text, structuredHashtags));
    }

    /** The text {@code scan} holds now, as an immutable record. */
    public static PostText from(TextScan scan) {
        Slices words = scan.words();
        String[] ws = new String[words.count()];
        for (int k = 0; k < ws.length; k++) {
            ws[k] = words.get(k);
        }
        Slices tags = scan.hashtags();
        Set<String> ts = new LinkedHashSet<>();
        for (int k = 0; k < tags.count(); k++) {
            ts.add(tags.get(k));
        }
        return new PostText(scan.folded(), scan.lower(), ws, Collections.unmodifiableSet(ts),
                scan.urls().isEmpty() ? List.of() : List.copyOf(scan.urls()),
                scan.mentions().isEmpty() ? List.of() : List.copyOf(scan.mentions()));
    }

    public static PostText of(String text) {
        return of(text, List.of());
    }
}
