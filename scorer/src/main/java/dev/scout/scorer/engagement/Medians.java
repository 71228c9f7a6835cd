package dev.scout.scorer.engagement;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Median of the finite values of an array (NaN entries mean "unknown" and are skipped). Pure. */
public final class Medians {

    private Medians() {
    }

    public static OptionalDouble median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        if (finite.length == 0) {
            return OptionalDouble.empty();
        }
        Arrays.sort(finite);
        int mid = finite.length / 2;
        return OptionalDouble.of(finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2);
    }
}
