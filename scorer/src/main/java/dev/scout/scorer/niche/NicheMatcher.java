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

    private record Phrase(String[] tokens, int niche, String display) {
    }

    private final List<NicheDefinition> niches;
    private final Map<String, List<Phrase>> phrasesByFirstToken = new HashMap<>();
    private final Map<String, int[]> nichesByHashtag = new HashMap<>();

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
            int[] ids = nichesByHashtag.get(tag);
            if (ids != null) {
                for (int id : ids) {
                    addOnce(hits, new Hit(id, "#" + tag, "hashtag"));
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
                        addOnce(hits, new Hit(p.niche, p.display, "text"));
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
