package dev.scout.scorer.niche;

import dev.scout.scorer.internal.text.PostText;
import dev.scout.scorer.internal.text.TextFolding;
import dev.scout.scorer.internal.text.Words;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which niches a piece of text belongs to, with the terms that show it. Keywords are matched as whole token
 * sequences; where phrases overlap, the longest wins, so "plant-based" counts for plant-based cooking and not as
 * the gardening word "plant". Hashtags are matched whole (after folding), and camel-case hashtags also feed the
 * token stream ({@code #PlantBasedRecipes} contains the phrase "plant based").
 *
 * <p>Matching runs on every caption, so the vocabulary is compiled at construction: each distinct (niche, term) pair
 * gets a hit id, and the phrases are grouped by their first word, which gets an int id; a text's words are then
 * looked up in place ({@link WordIds}) and its hashtags in a hash map. Immutable and thread-safe.
 */
public final class NicheMatcher {

    /** One matched term. {@code source} is "hashtag" or "text". */
    public record Hit(int niche, String term, String source) {
    }

    /** A keyword's words and the hits of every niche that lists it, in niche order. */
    private record Phrase(String[] words, int[] hits) {

        /** Whether the phrase stands at word {@code at} of {@code text}, whose word there is known to be its first. */
        boolean isAt(Words text, int at) {
            if (at + words.length > text.count()) {
                return false;
            }
            for (int k = 1; k < words.length; k++) {
                if (!text.is(at + k, words[k])) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final int[] NO_HITS = {};

    private final List<NicheDefinition> niches;
    /** {@link NicheDefinition#label()} of each niche, built once: a profile's top niches report them. */
    private final String[] labels;
    private final List<Hit> hits = new ArrayList<>();
    /** Id of each word that starts a keyword. */
    private final WordIds firstWords;
    /** Phrases by the id of their first word. */
    private final Phrase[][] phrasesByFirstWord;
    /** Hit ids of each hashtag, in niche order. */
    private final Map<String, int[]> hitsByTag = new HashMap<>();
    private final int[] hitNiche;
    /** Each hit's place among all hits' terms in alphabetical order, so that ranking terms compares ints. */
    private final int[] termOrder;
    /** Each niche's place in the order of niche ids. */
    private final int[] nicheOrder;
    /** Evidence text of each hit up to its post count: "hashtag #vegan in " or "caption 'tofu' in ". */
    private final String[] evidencePrefix;

    public NicheMatcher(List<NicheDefinition> niches) {
        this.niches = List.copyOf(niches);
        this.labels = this.niches.stream().map(NicheDefinition::label).toArray(String[]::new);
        Map<String, Integer> hitIds = new HashMap<>();
        Map<List<String>, List<Integer>> phraseHits = new LinkedHashMap<>();
        Map<String, List<Integer>> tagHits = new LinkedHashMap<>();
        for (int i = 0; i < this.niches.size(); i++) {
            NicheDefinition n = this.niches.get(i);
            Set<List<String>> seen = new HashSet<>();
            for (String keyword : n.keywords()) {
                List<String> phrase = List.of(PostText.of(keyword).words().toArray()); // "plant-based" = "plant based"
                if (!phrase.isEmpty() && seen.add(phrase)) {
                    int hit = hitId(hitIds, new Hit(i, keyword.strip(), "text"));
                    phraseHits.computeIfAbsent(phrase, k -> new ArrayList<>()).add(hit);
                }
            }
            for (String tag : n.hashtags()) {
                String key = TextFolding.foldLower(tag.startsWith("#") ? tag.substring(1) : tag);
                List<Integer> ids = tagHits.computeIfAbsent(key, k -> new ArrayList<>());
                int hit = hitId(hitIds, new Hit(i, "#" + key, "hashtag"));
                if (!ids.contains(hit)) {
                    ids.add(hit);
                }
            }
        }
        Map<String, List<Phrase>> phrases = new LinkedHashMap<>();
        phraseHits.forEach((phrase, ids) -> {
            Phrase p = new Phrase(phrase.toArray(String[]::new), toArray(ids));
            phrases.computeIfAbsent(phrase.get(0), w -> new ArrayList<>()).add(p);
        });
        this.firstWords = new WordIds(List.copyOf(phrases.keySet()));
        // Longest first: the first phrase that matches is the longest, and the only one of its length there.
        this.phrasesByFirstWord = phrases.values().stream().map(list -> list.stream()
                .sorted(Comparator.comparingInt((Phrase p) -> p.words.length).reversed()).toArray(Phrase[]::new))
                .toArray(Phrase[][]::new);
        this.hitNiche = hits.stream().mapToInt(Hit::niche).toArray();
        this.termOrder = ranks(hits.size(), Comparator.comparing((Integer h) -> hits.get(h).term()));
        this.nicheOrder = ranks(this.niches.size(), Comparator.comparing((Integer n) -> this.niches.get(n).id()));
        this.evidencePrefix = hits.stream().map(h -> h.term().startsWith("#")
                ? "hashtag " + h.term() + " in " : "caption '" + h.term() + "' in ").toArray(String[]::new);
        tagHits.forEach((tag, ids) -> hitsByTag.put(tag, toArray(ids)));
    }

    private static int[] toArray(List<Integer> ints) {
        return ints.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The place of each of {@code 0 … n-1} in {@code order} (equal elements get equal places). */
    private static int[] ranks(int n, Comparator<Integer> order) {
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        java.util.Arrays.sort(sorted, order);
        int[] rank = new int[n];
        for (int k = 1; k < n; k++) {
            rank[sorted[k]] = order.compare(sorted[k - 1], sorted[k]) == 0 ? rank[sorted[k - 1]] : k;
        }
        return rank;
    }

    /** The id of a (niche, term) pair; the same pair from a keyword and a hashtag is one hit, as it always was. */
    private int hitId(Map<String, Integer> ids, Hit hit) {
        return ids.computeIfAbsent(hit.niche() + "\u0000" + hit.term(), k -> {
            hits.add(hit);
            return hits.size() - 1;
        });
    }

    public List<NicheDefinition> niches() {
        return niches;
    }

    /** {@code niches().get(niche).label()}, built once. */
    String label(int niche) {
        return labels[niche];
    }

    /** Number of distinct hits; hit ids run from 0 to this, exclusive. */
    int hitCount() {
        return hits.size();
    }

    Hit hit(int id) {
        return hits.get(id);
    }

    /** Whether hit {@code a}'s term sorts before hit {@code b}'s ({@link String#compareTo}). */
    boolean termBefore(int a, int b) {
        return termOrder[a] < termOrder[b];
    }

    /** Whether niche {@code a}'s id sorts before niche {@code b}'s. */
    boolean nicheBefore(int a, int b) {
        return nicheOrder[a] < nicheOrder[b];
    }

    /** "hashtag #vegan in " or "caption 'tofu' in ": hit {@code id}'s evidence up to its post count. */
    String evidencePrefix(int id) {
        return evidencePrefix[id];
    }

    /** The niche of hit {@code id}, from an int array (read once per hit of every post). */
    int nicheOf(int id) {
        return hitNiche[id];
    }

    /**
     * Writes the ids of every niche hit in {@code text} to {@code out}, hashtags first, then phrases in text order;
     * a term appears once per text even when repeated.
     *
     * @return the number of hits written; {@code out} must hold {@link #hitCount()}
     */
    int match(PostText text, int[] out) {
        int found = 0;
        List<String> textTags = text.hashtags();
        for (int k = 0; k < textTags.size(); k++) {
            for (int hit : hitsByTag.getOrDefault(textTags.get(k), NO_HITS)) {
                found = addOnce(out, found, hit);
            }
        }
        Words words = text.words();
        for (int i = 0; i < words.count(); ) {
            int first = firstWords.id(words, i);
            int next = i + 1;
            if (first >= 0) {
                for (Phrase p : phrasesByFirstWord[first]) {
                    if (p.isAt(words, i)) {
                        for (int hit : p.hits) {
                            found = addOnce(out, found, hit);
                        }
                        next = i + p.words.length;
                        break;
                    }
                }
            }
            i = next;
        }
        return found;
    }

    private static int addOnce(int[] out, int found, int hit) {
        for (int k = 0; k < found; k++) {
            if (out[k] == hit) {
                return found;
            }
        }
        out[found] = hit;
        return found + 1;
    }
}
