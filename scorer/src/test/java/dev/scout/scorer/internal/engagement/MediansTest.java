package dev.scout.scorer.internal.engagement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void oneSelectionGivesTheMedianOfTheValuesAndOfTheirQuotients(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 2_000; round++) {
            double[] values = new double[r.nextInt(0, 60)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (r.nextInt(6)) {
                    case 0 -> 0.0;
                    case 1 -> r.nextInt(4); // ties, as in equal engagement counts
                    case 2 -> r.nextLong(0, Long.MAX_VALUE); // huge counts, rounded to doubles
                    default -> r.nextLong(0, 100_000);
                };
            }
            double divisor = r.nextBoolean() ? r.nextLong(1, 5_000_000) : r.nextDouble(1e-3, 1e9);
            double[] quotients = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                quotients[i] = values[i] / divisor;
            }
            double[] medians = {-1, -1};
            boolean any = Medians.medianAndQuotientMedian(values.clone(), divisor, medians);
            assertThat(any).isEqualTo(values.length > 0);
            if (any) {
                assertThat(medians[0]).isEqualTo(bySorting(values).getAsDouble());
                assertThat(medians[1]).isEqualTo(bySorting(quotients).getAsDouble());
            }
        }
    }

    @Test
    void aPrefixCountsOnlyItsOwnValues() {
        double[] values = {5, 1, Double.NaN, 3, 100, -7};
        assertThat(Medians.median(values, 4).getAsDouble()).isEqualTo(3.0);
        assertThat(Medians.median(values, 0)).isEmpty();
        assertThat(Medians.median(values, 2).getAsDouble()).isEqualTo(3.0);
    }

    @Test
    void infiniteValuesAreUnknownAndSignedZerosOrderAsDoubleCompare() {
        assertThat(Medians.median(new double[]{Double.POSITIVE_INFINITY, 2, Double.NEGATIVE_INFINITY}).getAsDouble())
                .isEqualTo(2.0);
        assertThat(Medians.median(new double[]{0.0, -0.0, 0.0}).getAsDouble()).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(Medians.median(new double[]{-0.0, 0.0, -0.0}).getAsDouble()))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    @Timeout(10)
    void allEqualValuesTakeLinearTime() {
        double[] values = new double[1_000_000];
        java.util.Arrays.fill(values, 7.0);
        assertThat(Medians.median(values).getAsDouble()).isEqualTo(7.0); // quadratic would take many minutes
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
