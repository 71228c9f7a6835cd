package dev.scout.scorer;

import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the score over seeded random profiles (plain JUnit parameterised tests, no property framework). */
class ScorerPropertiesTest {

    private static final StandardScorer SCORER = StandardScorer.withDefaults(TestNiches.plantBasedCooking());

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 150);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreAndComponentsStayInRange(long seed) {
        ScoredProfile r = SCORER.score(RandomProfiles.profile(seed));
        assertThat(r.score()).isBetween(0.0, 100.0);
        assertThat(r.components()).allSatisfy(c -> assertThat(c.value()).isBetween(0.0, 1.0));
        assertThat(r.niche().share()).isBetween(0.0, 1.0);
        assertThat(r.sponsorship().share()).isBetween(0.0, 1.0);
        assertThat(r.gates()).hasSize(7);
        assertThat(r.flagged()).isEqualTo(r.gates().stream().allMatch(ScoredProfile.Gate::passed));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoringIsDeterministic(long seed) {
        ProfileSnapshot s = RandomProfiles.profile(seed);
        assertThat(SCORER.score(s)).isEqualTo(SCORER.score(s)).isEqualTo(StandardScorer.withDefaults(TestNiches.plantBasedCooking()).score(s));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreNeverFallsWhenEngagementRises(long seed) {
        ProfileSnapshot s = RandomProfiles.profile(seed);
        double last = -1;
        for (double factor : new double[]{0.1, 0.5, 1, 2, 5, 20}) {
            double score = SCORER.score(RandomProfiles.scaleEngagement(s, factor)).score();
            assertThat(score).as("factor " + factor).isGreaterThanOrEqualTo(last);
            last = score;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreNeverRisesWhenSponsoredShareRises(long seed) {
        ProfileSnapshot s = RandomProfiles.profile(seed);
        double last = Double.MAX_VALUE;
        double lastShare = -1;
        for (int k = 0; k <= s.posts().size(); k += Math.max(1, s.posts().size() / 6)) {
            ScoredProfile r = SCORER.score(RandomProfiles.sponsorFirst(s, k));
            assertThat(r.sponsorship().share()).isGreaterThanOrEqualTo(lastShare);
            assertThat(r.score()).as("k=" + k).isLessThanOrEqualTo(last);
            last = r.score();
            lastShare = r.sponsorship().share();
        }
    }
}
