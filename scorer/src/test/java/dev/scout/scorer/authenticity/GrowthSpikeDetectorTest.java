package dev.scout.scorer.authenticity;

import dev.scout.model.HistoryPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class GrowthSpikeDetectorTest {

    private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    private final GrowthSpikeDetector detector = new GrowthSpikeDetector();

    private static HistoryPoint at(int daysAgo, long followers) {
        return new HistoryPoint(NOW.minus(Duration.ofDays(daysAgo)), followers, OptionalDouble.empty());
    }

    @Test
    void steadyGrowthIsNoSpike() {
        assertThat(detector.detect(List.of(at(90, 10_000), at(60, 10_600), at(30, 11_200)), NOW, 11_900)).isEmpty();
    }

    @Test
    void suddenJumpAfterSteadyGrowthIsASpike() {
        assertThat(detector.detect(List.of(at(90, 10_000), at(60, 10_400), at(30, 10_800)), NOW, 24_000))
                .hasValue("followers jumped by 13,200 (122% per 30 days) in 30 days");
    }

    @Test
    void singleIntervalNeedsADoublingInAMonth() {
        assertThat(detector.detect(List.of(at(30, 5_000)), NOW, 9_000)).isEmpty();
        assertThat(detector.detect(List.of(at(30, 5_000)), NOW, 11_000)).isPresent();
    }

    @Test
    void smallAccountsGrowingFastInAbsoluteSmallNumbersAreNotSpikes() {
        assertThat(detector.detect(List.of(at(60, 100), at(30, 110)), NOW, 400)).isEmpty();
    }

    @Test
    void noHistoryMeansNoSpike() {
        assertThat(detector.detect(List.of(), NOW, 5_000)).isEmpty();
    }
}
