package dev.scout.scorer;

import java.util.List;
import java.util.Objects;

/**
 * The niche a scout is looking for: a name plus the words and hashtags that show a post belongs to it.
 *
 * <p>Keywords may be phrases ("oat milk"); they are matched on whole tokens after the same normalisation as post
 * text (Unicode NFKC, accents folded, lower case, simple plural stemming). Hashtags are given without {@code #}.
 * When both lists are empty the scorer uses the shipped taxonomy entry whose id or name equals {@code name}.
 *
 * @param name     display name, e.g. "plant-based cooking"
 * @param keywords words or phrases, never null
 * @param hashtags hashtags without the leading {@code #}, never null
 */
public record NicheSpec(String name, List<String> keywords, List<String> hashtags) {

    public NicheSpec {
        Objects.requireNonNull(name, "name");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
    }
}
