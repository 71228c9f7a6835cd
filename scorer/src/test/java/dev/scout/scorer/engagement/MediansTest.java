package dev.scout.scorer.engagement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void selectionGivesTheMedianOfTheSortedFiniteValues(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 500; round++) {
            double[] values = new double[r.nextInt(0, 60)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (r.nextInt(8)) {
                    case 0 -> Double.NaN;
                    case 1 -> 0.0;
                    case 2 -> -0.0;
                    case 3 -> r.nextInt(5); // many ties
                    default -> r.nextDouble(-1, 1);
                };
            }
            assertThat(Medians.median(values.clone())).isEqualTo(bySorting(values));
        }
    }

    @Test
    void leavesItsInputAlone() {
        double[] values = {3, 1, 2, Double.NaN};
        assertThat(Medians.median(values).getAsDouble()).isEqualTo(2.0);
        assertThat(values).containsExactly(3, 1, 2, Double.NaN);
    }

    private static java.util.OptionalDouble bySorting(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return java.util.OptionalDouble.empty();
        }
        int mid = finite.length / 2;
        return java.util.OptionalDouble.of(finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2);
    }
}
