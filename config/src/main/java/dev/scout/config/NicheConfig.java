package dev.scout.config;

import java.util.List;
import java.util.Objects;

/**
 * The niche being scouted.
 *
 * @param name     what the niche is called in reports ({@code plant-based cooking}); never blank
 * @param keywords words and phrases that mark a post as on-niche, trimmed, without duplicates
 * @param hashtags hashtags without the leading {@code #}, lower-case, without duplicates; also the discovery entry points
 * @param taxonomy ids of shipped niches this one corresponds to ({@code plant-based-cooking}); may be empty
 */
public record NicheConfig(String name, List<String> keywords, List<String> hashtags, List<String> taxonomy) {
    public NicheConfig {
        Objects.requireNonNull(name, "name");
        keywords = List.copyOf(keywords);
        hashtags = List.copyOf(hashtags);
        taxonomy = List.copyOf(taxonomy);
    }
}
