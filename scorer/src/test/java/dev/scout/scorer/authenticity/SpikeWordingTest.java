package dev.scout.scorer.authenticity;

import dev.scout.scorer.internal.text.Figures;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The spike description is written without {@code String.format}; it must read exactly as the formatter wrote it. */
class SpikeWordingTest {

    @Test
    void wholeNumbersRoundAsTheFormatterDoesOnTiesHugeTinyAndOddValues() {
        SplittableRandom r = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (r.nextInt(9)) {
                case 0 -> r.nextLong(0, 1L << 40) + 0.5; // exact ties
                case 1 -> Math.nextDown(r.nextLong(0, 1L << 40) + 0.5);
                case 2 -> Math.nextUp(r.nextLong(0, 1L << 40) + 0.5);
                case 3 -> r.nextDouble(0, 1e-300); // tiny
                case 4 -> r.nextDouble(1e14, 1e16); // around the last cut-over to the formatter
                case 5 -> r.nextDouble(1e16, Double.MAX_VALUE); // huge
                case 6 -> -r.nextDouble(0, 1e6); // negative (including ones that round to "-0")
                case 7 -> r.nextLong(0, 10_000) * 0.01; // decimal-looking values
                default -> r.nextDouble(0, 100_000);
            };
            assertThat(GrowthSpikeDetector.whole(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.0f", x));
        }
        for (double x : new double[]{0.0, -0.0, 0.5, 1.5, 2.5, 0.49999999999999994, 4503599627370495.5, 1e15,
                Math.nextDown(1e15), Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE}) {
            assertThat(GrowthSpikeDetector.whole(x)).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.0f", x));
        }
    }

    @Test
    void groupedCountsReadAsTheFormattersThousandsSeparators() {
        SplittableRandom r = new SplittableRandom(14);
        for (int i = 0; i < 100_000; i++) {
            long n = r.nextInt(3) == 0 ? r.nextLong(0, 100_000) : r.nextLong(0, Long.MAX_VALUE);
            assertThat(Figures.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }
}
