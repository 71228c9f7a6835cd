package dev.scout.scorer.internal.engagement;

import dev.scout.model.Platform;
import dev.scout.scorer.internal.tier.FollowerBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BandBenchmarkTest {

    private static final BenchmarkTable TABLE = BenchmarkTable.load();

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            // platform, followers, rate, grade, percentile
            "mastodon, 12000, 0.0000, low, 0",
            "mastodon, 12000, 0.0039, below-average, 10",
            "mastodon, 12000, 0.0084, average, 40",
            "mastodon, 12000, 0.0111, above-average, 60",
            "mastodon, 12000, 0.0261, high, 90",
            "mastodon, 12000, 0.0522, high, 99",
            "mastodon, 3000, 0.0442, above-average, 60",
            "bluesky, 70000, 0.0101, above-average, 60",
            "web, 7000, 0.0162, above-average, 60",
            "youtube, 20000, 0.0051, above-average, 60",
            "youtube, 2000, 0.0642, high, 90",
            "mastodon, 500, 0.0442, above-average, 60",
    })
    void gradesAndPlacesRatesWithinTheBand(String platform, long followers, double rate, String grade, double pct) {
        BandBenchmark b = TABLE.find(Platform.fromKey(platform), FollowerBand.of(followers).orElseThrow()).orElseThrow();
        assertThat(b.grade(rate)).isEqualTo(grade);
        assertThat(b.percentile(rate)).isCloseTo(pct, within(1e-6));
    }

    @Test
    void aboveAverageCutsAreTheTeamFigures() {
        assertThat(TABLE.find(Platform.MASTODON, FollowerBand.B1K_5K).orElseThrow().avgHigh()).isEqualTo(0.0442);
        assertThat(TABLE.find(Platform.MASTODON, FollowerBand.B5K_10K).orElseThrow().avgHigh()).isEqualTo(0.0162);
        assertThat(TABLE.find(Platform.MASTODON, FollowerBand.B10K_50K).orElseThrow().avgHigh()).isEqualTo(0.0111);
        assertThat(TABLE.find(Platform.MASTODON, FollowerBand.B50K_100K).orElseThrow().avgHigh()).isEqualTo(0.0101);
    }

    @Test
    void percentileRisesStrictlyAndStaysBelowOneHundred() {
        BandBenchmark b = TABLE.find(Platform.MASTODON, FollowerBand.B10K_50K).orElseThrow();
        double last = -1;
        for (double r = 0.0001; r < 2; r *= 1.1) {
            double p = b.percentile(r);
            assertThat(p).isGreaterThan(last).isLessThan(100);
            last = p;
        }
    }

    @Test
    void describesTheBenchmarkUsed() {
        assertThat(TABLE.find(Platform.MASTODON, FollowerBand.B10K_50K).orElseThrow().describe())
                .isEqualTo("instagram-proxy 10k-50k: low < 0.39%, avg 0.84–1.11%, high > 2.61%");
        assertThat(TABLE.find(Platform.YOUTUBE, FollowerBand.OVER_1M).orElseThrow().describe())
                .endsWith("(low/high estimated)");
    }
}
