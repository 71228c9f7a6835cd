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
 * <p>Matching runs on every caption, so the vocabulary is compiled at construction: each keyword word gets an int
 * id, each phrase becomes an int sequence, and each distinct (niche, term) pair a hit id; a text's words and
 * hashtags are then looked up in hash maps. Immutable and thread-safe.
 */
public final class NicheMatcher {

    /** One matched term. {@code source} is "hashtag" or "text". */
    public record Hit(int niche, String term, String source) {
    }

    private record Phrase(int[] tokens, int hit) {
    }

    private static final int[] NO_HITS = {};

    private final List<NicheDefinition> niches;
    /** {@link NicheDefinition#label()} of each niche, built once: a profile's top niches report them. */
    private final String[] labels;
    private final List<Hit> hits = new ArrayList<>();
    /** Id of each word of any keyword. */
    private final WordIds words;
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
        Map<String, Integer> wordIds = new LinkedHashMap<>();
        Map<Integer, List<Phrase>> phrases = new HashMap<>();
        Map<String, List<Integer>> tagHits = new LinkedHashMap<>();
        for (int i = 0; i < this.niches.size(); i++) {
            NicheDefinition n = this.niches.get(i);
            Set<String> seen = new HashSet<>();
            for (String keyword : n.keywords()) {
                String[] tokens = PostText.of(keyword).words().toArray();
                if (tokens.length > 0 && seen.add(String.join(" ", tokens))) { // "plant-based" = "plant based"
                    int[] ids = new int[tokens.length];
                    for (int k = 0; k < tokens.length; k++) {
                        ids[k] = wordIds.computeIfAbsent(tokens[k], w -> wordIds.size());
                    }
                    int hit = hitId(hitIds, new Hit(i, keyword.strip(), "text"));
                    phrases.computeIfAbsent(ids[0], k -> new ArrayList<>()).add(new Phrase(ids, hit));
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
        this.words = new WordIds(List.copyOf(wordIds.keySet())); // ids were given in insertion order
        this.phrasesByFirstWord = new Phrase[wordIds.size()][];
        for (int w = 0; w < phrasesByFirstWord.length; w++) {
            // Longest first (a stable sort keeps the keyword order among equals): the first match is the longest.
            phrasesByFirstWord[w] = phrases.getOrDefault(w, List.of()).stream()
                    .sorted(Comparator.comparingInt((Phrase p) -> p.tokens.length).reversed()).toArray(Phrase[]::new);
        }
        this.hitNiche = hits.stream().mapToInt(Hit::niche).toArray();
        this.termOrder = ranks(hits.size(), Comparator.comparing((Integer h) -> hits.get(h).term()));
        this.nicheOrder = ranks(this.niches.size(), Comparator.comparing((Integer n) -> this.niches.get(n).id()));
        this.evidencePrefix = hits.stream().map(h -> h.term().startsWith("#")
                ? "hashtag " + h.term() + " in " : "caption '" + h.term() + "' in ").toArray(String[]::new);
        tagHits.forEach((tag, ids) -> hitsByTag.put(tag, ids.stream().mapToInt(Integer::intValue).toArray()));
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
     * @param wordIds scratch space for the text's word ids, at least {@link PostText#words()}' count long
     * @return the number of hits written; {@code out} must hold {@link #hitCount()}
     */
    int match(PostText text, int[] wordIds, int[] out) {
        int found = 0;
        List<String> textTags = text.hashtags();
        for (int k = 0; k < textTags.size(); k++) {
            for (int hit : hitsByTag.getOrDefault(textTags.get(k), NO_HITS)) {
                found = addOnce(out, found, hit);
            }
        }
        Words textWords = text.words();
        int n = textWords.count();
        for (int k = 0; k < n; k++) {
            wordIds[k] = words.id(textWords, k);
        }
        int i = 0;
        while (i < n) {
            int longest = 0;
            if (wordIds[i] >= 0) {
                for (Phrase p : phrasesByFirstWord[wordIds[i]]) {
                    if (p.tokens.length < longest) {
                        break; // every longest match is in: shorter phrases lose to it
                    }
                    if (matchesAt(wordIds, n, i, p.tokens)) {
                        longest = p.tokens.length;
                        found = addOnce(out, found, p.hit);
                    }
                }
            }
            i += Math.max(1, longest);
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

    private static boolean matchesAt(int[] words, int n, int at, int[] tokens) {
        if (at + tokens.length > n) {
            return false;
        }
        for (int k = 1; k < tokens.length; k++) {
            if (words[at + k] != tokens[k]) {
                return false;
            }
        }
        return true;
    }
}
