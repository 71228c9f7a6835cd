package dev.scout.scorer.engagement;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Median of the finite values of an array (NaN entries mean "unknown" and are skipped). Pure. */
public final class Medians {

    private Medians() {
    }

    public static OptionalDouble median(double[] values) {
        double[] finite = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[n++] = v;
            }
        }
        if (n < finite.length) {
            finite = Arrays.copyOf(finite, n);
        }
        if (finite.length == 0) {
            return OptionalDouble.empty();
        }
        Arrays.sort(finite);
        int mid = finite.length / 2;
        return OptionalDouble.of(finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2);
    }
}
