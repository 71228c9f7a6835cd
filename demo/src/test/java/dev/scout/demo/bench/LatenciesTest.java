package dev.scout.demo.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankOverTheSortedValues() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 100; ms >= 1; ms--) {
            nanos.add(ms * 1_000_000);
        }
        Latencies l = Latencies.of(nanos);

        assertThat(l.percentileMillis(50)).isEqualTo(50.0);
        assertThat(l.percentileMillis(95)).isEqualTo(95.0);
        assertThat(l.percentileMillis(100)).isEqualTo(100.0);
        assertThat(l.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void oneSlowRequestInTwentyIsTheP95OfTwenty() {
        List<Long> nanos = new ArrayList<>(java.util.Collections.nCopies(19, 10_000_000L));
        nanos.add(900_000_000L);

        assertThat(Latencies.of(nanos).percentileMillis(95)).isEqualTo(10.0);
        nanos.add(900_000_000L);
        assertThat(Latencies.of(nanos).percentileMillis(95)).isEqualTo(900.0);
    }

    @Test
    void noValuesGiveZeroAndAPercentileOutOfRangeIsRefused() {
        assertThat(Latencies.of(List.of()).percentileMillis(95)).isZero();
        assertThatThrownBy(() -> Latencies.of(List.of(1L)).percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
