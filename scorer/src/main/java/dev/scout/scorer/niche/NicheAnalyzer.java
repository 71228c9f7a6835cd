package dev.scout.scorer.niche;

import dev.scout.scorer.InvalidScoringSettingsException;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.text.PostText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Niche fit of one profile: the share of analysed posts that match the target niche, the best-matching taxonomy
 * niches, and the matched terms (from captions, hashtags and the bio) as evidence. Thread-safe.
 */
public final class NicheAnalyzer {

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

    /** A fresh tally for one profile. */
    public NicheTally tally() {
        return new NicheTally(matcher, target.name());
    }

    /**
     * @param posts analysed posts' text
     * @param bio   the profile's bio
     */
    public ScoredProfile.Niche analyze(List<PostText> posts, PostText bio) {
        NicheTally tally = tally();
        for (PostText post : posts) {
            tally.add(post);
        }
        return tally.result(bio);
    }
}
