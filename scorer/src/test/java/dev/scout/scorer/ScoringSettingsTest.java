package dev.scout.scorer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ScoringSettingsTest {

    @Test
    void defaultsAreTheTeamGates() {
        ScoringSettings s = ScoringSettings.defaults(TestNiches.plantBasedCooking());
        assertThat(s.followersMin()).isEqualTo(1_000);
        assertThat(s.followersMax()).isEqualTo(100_000);
        assertThat(s.minNicheShare()).isEqualTo(0.30);
        assertThat(s.maxSponsoredShare()).isEqualTo(0.20);
        assertThat(s.maxBrands()).isEqualTo(3);
        assertThat(s.minAudienceRealPct()).isEqualTo(75.0);
        assertThat(s.weights()).isEqualTo(new ScoringSettings.Weights(0.35, 0.25, 0.20, 0.20));
        assertThat(s.niche().name()).isEqualTo("plant-based cooking");
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void thereIsNoDefaultNiche() {
        assertThatThrownBy(() -> ScoringSettings.builder().build())
                .isInstanceOf(InvalidScoringSettingsException.class)
                .hasMessageContaining("niche.name").hasMessageContaining("no default niche");
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badSettings() {
        return Stream.of(
                arguments((Supplier<?>) () -> ScoringSettings.builder().followersMin(-5).build(),
                        "scoring.followers.min: must be >= 0 (got -5)"),
                arguments((Supplier<?>) () -> ScoringSettings.builder().followersMin(10).followersMax(5).build(),
                        "scoring.followers.max: must be >= scoring.followers.min (10) (got 5)"),
                arguments((Supplier<?>) () -> ScoringSettings.builder().minNicheShare(1.5).build(),
                        "scoring.niche.minShare: must be a fraction between 0 and 1 (got 1.5)"),
                arguments((Supplier<?>) () -> ScoringSettings.builder().maxBrands(-1).build(),
                        "scoring.sponsorship.maxDistinctBrands: must be >= 0 (got -1)"),
                arguments((Supplier<?>) () -> ScoringSettings.builder().minAudienceRealPct(120).build(),
                        "scoring.authenticity.minAudienceRealPct: must be a percentage between 0 and 100 (got 120.0)"),
                arguments((Supplier<?>) () -> new ScoringSettings.Weights(0.5, Double.NaN, 0, 0),
                        "scoring.weights.niche: must be a finite number >= 0 (got NaN)"),
                arguments((Supplier<?>) () -> new ScoringSettings.Weights(0, 0, 0, 0),
                        "scoring.weights: at least one weight must be > 0 (got all zero)"),
                arguments((Supplier<?>) () -> ScoringSettings.builder().price("giga", PriceRange.of(1, 2)).build(),
                        "scoring.pricing.giga: must be a tier"),
                arguments((Supplier<?>) () -> ScoringSettings.builder().postsWindow(0).build(),
                        "crawl.postsPerProfile: must be between 1 and 1000 (got 0)"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void rejectsBadValuesNamingTheKey(Supplier<?> build, String message) {
        assertThatThrownBy(build::get).isInstanceOf(InvalidScoringSettingsException.class).hasMessageStartingWith(message);
    }
}
