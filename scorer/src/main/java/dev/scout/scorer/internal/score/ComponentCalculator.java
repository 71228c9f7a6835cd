package dev.scout.scorer.internal.score;

import dev.scout.scorer.ScoredProfile.ScoreComponent;
import dev.scout.scorer.ScoringSettings;

import java.util.List;

/**
 * The weighted components of the score, each in [0, 1] with its explanation (definitions in
 * {@link dev.scout.scorer.MetricDefinitions}). Unknown parts count 0 and say so. The engagement component rises
 * strictly with the engagement rate and the sponsorship component never rises with the sponsored share, which the
 * property tests pin. Thread-safe.
 */
public final class ComponentCalculator {

    private final ScoringSettings settings;
    // The settings' figures as the explanations quote them, written once rather than once per profile.
    private final double nicheSaturation;
    private final String nicheFullMarks;
    private final double sponsoredZeroAt;
    private final String sponsoredZeroMarks;

    public ComponentCalculator(ScoringSettings settings) {
        this.settings = settings;
        this.nicheSaturation = Math.max(2 * settings.minNicheShare(), 0.01);
        this.nicheFullMarks = ", full marks at " + Numbers.share(nicheSaturation);
        this.sponsoredZeroAt = Math.max(2 * settings.maxSponsoredShare(), 0.01);
        this.sponsoredZeroMarks = " (zero marks at " + Numbers.share(sponsoredZeroAt) + ") and ";
    }

    public List<ScoreComponent> components(ScoreInputs in) {
        ScoringSettings.Weights w = settings.weights();
        return List.of(engagement(in, w.engagement()), niche(in, w.niche()), sponsorship(in, w.sponsorship()),
                new ScoreComponent("authenticity", w.authenticity(), clamp(in.authenticity().value()),
                        in.authenticity().explanation()));
    }

    /** 100 × weighted mean of the components, rounded to one decimal. */
    public double score(List<ScoreComponent> components) {
        double sum = 0;
        double weights = 0;
        for (ScoreComponent c : components) {
            sum += c.weight() * c.value();
            weights += c.weight();
        }
        return Math.round(1000 * sum / weights) / 10.0;
    }

    private static ScoreComponent engagement(ScoreInputs in, double weight) {
        var e = in.engagement().engagement();
        if (e.bandPercentile().isEmpty()) {
            return new ScoreComponent("engagement", weight, 0, in.postsAnalyzed() == 0
                    ? "no posts: engagement unknown" : "engagement or band unknown: counts 0");
        }
        double p = e.bandPercentile().getAsDouble();
        return new ScoreComponent("engagement", weight, clamp(p / 100), Numbers.pct(e.rate().getAsDouble())
                + " at the " + Math.round(p) + "th percentile of " + e.benchmark());
    }

    private ScoreComponent niche(ScoreInputs in, double weight) {
        if (in.postsAnalyzed() == 0) {
            return new ScoreComponent("niche", weight, 0, "no posts: niche share unknown");
        }
        double share = in.niche().share();
        return new ScoreComponent("niche", weight, clamp(share / nicheSaturation), "niche share "
                + Numbers.share(share) + nicheFullMarks);
    }

    private ScoreComponent sponsorship(ScoreInputs in, double weight) {
        if (in.postsAnalyzed() == 0) {
            return new ScoreComponent("sponsorship", weight, 0, "no posts: sponsorship unknown");
        }
        int brands = in.sponsorship().brands().size();
        double brandFactor = 1 - 0.5 * Math.min(1, brands / (2.0 * Math.max(settings.maxBrands(), 1)));
        double value = (1 - Math.min(1, in.sponsorship().share() / sponsoredZeroAt)) * brandFactor;
        return new ScoreComponent("sponsorship", weight, clamp(value), "sponsored share "
                + Numbers.share(in.sponsorship().share()) + sponsoredZeroMarks + brands + " brands");
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
