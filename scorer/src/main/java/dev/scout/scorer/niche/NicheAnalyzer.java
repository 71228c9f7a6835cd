package dev.scout.scorer.niche;

import dev.scout.scorer.InvalidScoringSettingsException;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.text.PostText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Niche fit of one profile: the share of analysed posts that match the target niche, the best-matching taxonomy
 * niches, and the matched terms (from captions, hashtags and the bio) as evidence. Thread-safe.
 */
public final class NicheAnalyzer {

    private static final int TOP_NICHES = 3;
    private static final int TERMS_PER_NICHE = 5;
    private static final int EVIDENCE_TERMS = 10;
    private static final int TARGET = 0;

    private final NicheMatcher matcher;
    private final NicheDefinition target;

    /**
     * @param spec     the target niche from settings; with no keywords and hashtags it names a taxonomy niche
     * @param taxonomy the shipped taxonomy
     * @throws InvalidScoringSettingsException when the spec has no vocabulary and names no taxonomy niche
     */
    public NicheAnalyzer(NicheSpec spec, NicheTaxonomy taxonomy) {
        this.target = resolve(spec, taxonomy);
        List<NicheDefinition> all = new ArrayList<>();
        all.add(target);
        all.addAll(taxonomy.niches());
        this.matcher = new NicheMatcher(all);
    }

    private static NicheDefinition resolve(NicheSpec spec, NicheTaxonomy taxonomy) {
        if (!spec.keywords().isEmpty() || !spec.hashtags().isEmpty()) {
            Optional<NicheDefinition> known = taxonomy.find(spec.name());
            return new NicheDefinition(known.map(NicheDefinition::id).orElse("custom"), spec.name(),
                    known.map(NicheDefinition::iabId).orElse(""), known.map(NicheDefinition::iabPath).orElse(""),
                    spec.keywords(), spec.hashtags());
        }
        return taxonomy.find(spec.name()).orElseThrow(() -> new InvalidScoringSettingsException("niche.keywords",
                "[]", "must list keywords or hashtags unless niche.name names a shipped niche (e.g. '"
                + taxonomy.niches().get(0).name() + "')"));
    }

    public NicheDefinition target() {
        return target;
    }

    /**
     * @param posts analysed posts' text
     * @param bio   the profile's bio
     */
    public ScoredProfile.Niche analyze(List<PostText> posts, PostText bio) {
        int n = matcher.niches().size();
        int[] postsMatched = new int[n];
        List<Map<String, Integer>> terms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            terms.add(null);
        }
        boolean[] seen = new boolean[n];
        for (PostText post : posts) {
            java.util.Arrays.fill(seen, false);
            for (NicheMatcher.Hit hit : matcher.match(post)) {
                if (!seen[hit.niche()]) {
                    seen[hit.niche()] = true;
                    postsMatched[hit.niche()]++;
                }
                if (terms.get(hit.niche()) == null) {
                    terms.set(hit.niche(), new HashMap<>());
                }
                terms.get(hit.niche()).merge(hit.term(), 1, Integer::sum);
            }
        }
        double share = posts.isEmpty() ? 0 : (double) postsMatched[TARGET] / posts.size();
        List<String> evidence = new ArrayList<>();
        ranked(terms.get(TARGET)).stream().limit(EVIDENCE_TERMS).forEach(e -> evidence.add(
                (e.getKey().startsWith("#") ? "hashtag " : "caption '") + e.getKey()
                        + (e.getKey().startsWith("#") ? "" : "'") + " in " + e.getValue() + " post"
                        + (e.getValue() == 1 ? "" : "s")));
        Map<String, Boolean> bioTerms = new LinkedHashMap<>();
        for (NicheMatcher.Hit hit : matcher.match(bio)) {
            if (hit.niche() == TARGET) {
                bioTerms.put(hit.term(), true);
            }
        }
        bioTerms.keySet().forEach(t -> evidence.add("bio '" + t + "'"));

        List<ScoredProfile.NicheMatch> top = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (postsMatched[i] > 0) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -postsMatched[i]).thenComparing(i -> matcher.niches().get(i).id()));
        for (int i : order.subList(0, Math.min(TOP_NICHES, order.size()))) {
            top.add(new ScoredProfile.NicheMatch(matcher.niches().get(i).label(), (double) postsMatched[i] / posts.size(),
                    ranked(terms.get(i)).stream().limit(TERMS_PER_NICHE).map(Map.Entry::getKey).toList()));
        }
        return new ScoredProfile.Niche(share, target.name(), top, evidence);
    }

    private static List<Map.Entry<String, Integer>> ranked(Map<String, Integer> counts) {
        if (counts == null) {
            return List.of();
        }
        List<Map.Entry<String, Integer>> list = new ArrayList<>(counts.entrySet());
        list.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return list;
    }
}
