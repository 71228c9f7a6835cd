package dev.scout.scorer.internal.cost;

import dev.scout.model.Platform;
import dev.scout.scorer.PriceRange;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.tier.FollowerBand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class CostModelTest {

    private final CostModel model = new CostModel(Map.of());

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "mastodon, 10000, 25.0",
            "mastodon, 99999, 125.0",
            "mastodon, 100000, 125.0",
            "mastodon, 31623, 75.0",
            "mastodon, 1000, 5.0",
            "mastodon, 500, 2.5",
            "mastodon, 2000000, 25000.0",
            "youtube, 10000, 200.0",
            "bluesky, 50000, 94.9",
    })
    void estimatesPriceFromTheRateCard(String platform, long followers, double price) {
        ScoredProfile.Cost c = model.estimate(Platform.fromKey(platform), FollowerBand.of(followers), followers,
                OptionalDouble.of(100));
        assertThat(c.estPriceUsd().getAsDouble()).isCloseTo(price, org.assertj.core.data.Offset.offset(0.1));
        assertThat(c.costPerEngagementUsd().getAsDouble()).isCloseTo(price / 100, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void overridesReplaceTheDefaultsPerPlatformOrForAll() {
        CostModel custom = new CostModel(Map.of("micro", PriceRange.of(50, 50), "youtube.micro", PriceRange.of(900, 900)));
        assertThat(custom.estimate(Platform.MASTODON, FollowerBand.of(20_000), 20_000, OptionalDouble.empty())
                .estPriceUsd()).hasValue(50.0);
        assertThat(custom.estimate(Platform.YOUTUBE, FollowerBand.of(20_000), 20_000, OptionalDouble.empty())
                .estPriceUsd()).hasValue(900.0);
    }

    @Test
    void unknownFollowersGiveNoEstimateAndZeroEngagementNoCostPerEngagement() {
        assertThat(model.estimate(Platform.MASTODON, Optional.empty(), 0, OptionalDouble.of(5)).estPriceUsd()).isEmpty();
        assertThat(model.estimate(Platform.MASTODON, FollowerBand.of(5_000), 5_000, OptionalDouble.of(0))
                .costPerEngagementUsd()).isEmpty();
    }
}
