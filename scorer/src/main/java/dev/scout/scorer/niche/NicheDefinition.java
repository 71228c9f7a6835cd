package dev.scout.scorer.niche;

import java.util.List;

/**
 * One niche of the taxonomy (or the user's own niche): its vocabulary and, for shipped niches, the IAB Content
 * Taxonomy 3.1 node it corresponds to.
 *
 * @param id       stable id, e.g. {@code plant-based-cooking}; {@code custom} for a user-defined niche
 * @param name     display name
 * @param iabId    IAB Content Taxonomy 3.1 unique id, empty for a user-defined niche
 * @param iabPath  IAB tier path, e.g. "Food &amp; Drink &gt; Vegan Diets", empty for a user-defined niche
 * @param keywords words or phrases as written
 * @param hashtags hashtags without {@code #}
 */
public record NicheDefinition(String id, String name, String iabId, String iabPath, List<String> keywords,
                              List<String> hashtags) {

    public NicheDefinition {
        keywords = List.copyOf(keywords);
        hashtags = List.copyOf(hashtags);
    }

    /** "plant-based cooking (IAB 212 Food &amp; Drink &gt; Vegan Diets)" or just the name. */
    public String label() {
        return iabId.isEmpty() ? name : name + " (IAB " + iabId + " " + iabPath + ")";
    }
}
