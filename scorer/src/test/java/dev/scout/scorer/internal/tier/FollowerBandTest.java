package dev.scout.scorer.internal.tier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FollowerBandTest {

    @ParameterizedTest(name = "{0} followers")
    @CsvSource({
            "0, below-1k, below-nano", "999, below-1k, below-nano", "1000, 1k-5k, nano", "4999, 1k-5k, nano",
            "5000, 5k-10k, nano", "10000, 10k-50k, micro", "50000, 50k-100k, micro", "99999, 50k-100k, micro",
            "100000, 100k-500k, mid", "500000, 500k-1m, macro", "1000000, 1m+, mega", "9000000000, 1m+, mega",
    })
    void placesFollowerCountsInBandsAndTiers(long followers, String band, String tier) {
        FollowerBand b = FollowerBand.of(followers).orElseThrow();
        assertThat(b.key()).isEqualTo(band);
        assertThat(b.tier()).isEqualTo(tier);
    }

    @org.junit.jupiter.api.Test
    void negativeCountsHaveNoBand() {
        assertThat(FollowerBand.of(-1)).isEmpty();
    }
}
