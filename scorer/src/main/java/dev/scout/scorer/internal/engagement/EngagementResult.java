package dev.scout.scorer.internal.engagement;

import dev.scout.scorer.ScoredProfile;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Engagement for one profile: the output record plus what other parts of the scorer reuse.
 *
 * @param engagement         the output record
 * @param perPostRates       engagement rate of each analysed post in window order; NaN when unknown
 * @param medianEngagements  median likes + replies + shares per analysed post
 * @param benchmark          the band benchmark used, empty when the band is unknown
 * @param likesHiddenNote    set when some analysed posts hide their like count (Instagram): the rate counts their
 *                           comments only, which the engagement gate's reason says
 */
public record EngagementResult(ScoredProfile.Engagement engagement, double[] perPostRates,
                               OptionalDouble medianEngagements, Optional<BandBenchmark> benchmark,
                               Optional<String> likesHiddenNote) {

    public EngagementResult(ScoredProfile.Engagement engagement, double[] perPostRates,
                            OptionalDouble medianEngagements, Optional<BandBenchmark> benchmark) {
        this(engagement, perPostRates, medianEngagements, benchmark, Optional.empty());
    }

    public OptionalDouble rate() {
        return engagement.rate();
    }
}
