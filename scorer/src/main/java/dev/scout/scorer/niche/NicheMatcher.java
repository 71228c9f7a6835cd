package dev.scout.scorer.niche;

import dev.scout.scorer.text.PostText;
import dev.scout.scorer.text.TextFolding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which niches a piece of text belongs to, with the terms that show it. Keywords are matched as whole token
 * sequences; where phrases overlap, the longest wins, so "plant-based" counts for plant-based cooking and not as
 * the gardening word "plant". Hashtags are matched whole (after folding), and camel-case hashtags also feed the
 * token stream ({@code #PlantBasedRecipes} contains the phrase "plant based"). Immutable and thread-safe.
 */
public final class NicheMatcher {

    /** One matched term. {@code source} is "hashtag" or "text". */
    public record Hit(int niche, String term, String source) {
    }

    /** {@code hit} is built once here rather than once per match: matching is on the scorer's hot path. */
    private record Phrase(String[] tokens, int niche, String display, Hit hit) {
        Phrase(String[] tokens, int niche, String display) {
            this(tokens, niche, display, new Hit(niche, display, "text"));
        }
    }

    private final List<NicheDefinition> niches;
    private final Map<String, List<Phrase>> phrasesByFirstToken = new HashMap<>();
    private final Map<String, int[]> nichesByHashtag = new HashMap<>();
    /** The hits of each hashtag in {@link #nichesByHashtag}, prebuilt in the same order. */
    private final Map<String, Hit[]> hitsByHashtag = new HashMap<>();

    public NicheMatcher(List<NicheDefinition> niches) {
        this.niches = List.copyOf(niches);
        for (int i = 0; i < this.niches.size(); i++) {
            NicheDefinition n = this.niches.get(i);
            Set<String> seen = new java.util.HashSet<>();
            for (String keyword : n.keywords()) {
                String[] tokens = PostText.of(keyword).words();
                if (tokens.length > 0 && seen.add(String.join(" ", tokens))) { // "plant-based" = "plant based"
                    phrasesByFirstToken.computeIfAbsent(tokens[0], k -> new ArrayList<>())
                            .add(new Phrase(tokens, i, keyword.strip()));
                }
            }
            for (String tag : n.hashtags()) {
                String key = TextFolding.foldLower(tag.startsWith("#") ? tag.substring(1) : tag);
                int[] old = nichesByHashtag.getOrDefault(key, new int[0]);
                if (!contains(old, i)) {
                    int[] grown = java.util.Arrays.copyOf(old, old.length + 1);
                    grown[old.length] = i;
                    nichesByHashtag.put(key, grown);
                }
            }
        }
        nichesByHashtag.forEach((tag, ids) -> {
            Hit[] hits = new Hit[ids.length];
            for (int k = 0; k < ids.length; k++) {
                hits[k] = new Hit(ids[k], "#" + tag, "hashtag");
            }
            hitsByHashtag.put(tag, hits);
        });
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    public List<NicheDefinition> niches() {
        return niches;
    }

    /** Every niche term found in {@code text}; a term appears once per text even when repeated. */
    public List<Hit> match(PostText text) {
        List<Hit> hits = new ArrayList<>(4); // few hits per text: a list with a linear duplicate check is cheapest
        for (String tag : text.hashtags()) {
            Hit[] tagHits = hitsByHashtag.get(tag);
            if (tagHits != null) {
                for (Hit hit : tagHits) {
                    addOnce(hits, hit);
                }
            }
        }
        String[] words = text.words();
        int i = 0;
        while (i < words.length) {
            List<Phrase> candidates = phrasesByFirstToken.get(words[i]);
            int longest = 0;
            if (candidates != null) {
                for (Phrase p : candidates) {
                    if (p.tokens.length > longest && matchesAt(words, i, p.tokens)) {
                        longest = p.tokens.length;
                    }
                }
                for (Phrase p : candidates) {
                    if (p.tokens.length == longest && matchesAt(words, i, p.tokens)) {
                        addOnce(hits, p.hit);
                    }
                }
            }
            i += Math.max(1, longest);
        }
        return hits;
    }

    private static void addOnce(List<Hit> hits, Hit hit) {
        for (Hit h : hits) {
            if (h.niche() == hit.niche() && h.term().equals(hit.term())) {
                return;
            }
        }
        hits.add(hit);
    }

    private static boolean matchesAt(String[] words, int at, String[] tokens) {
        if (at + tokens.length > words.length) {
            return false;
        }
        for (int k = 1; k < tokens.length; k++) {
            if (!words[at + k].equals(tokens[k])) {
                return false;
            }
        }
        return true;
    }
}
