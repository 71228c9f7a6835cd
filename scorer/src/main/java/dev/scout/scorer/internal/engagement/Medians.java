package dev.scout.scorer.internal.engagement;

import java.util.OptionalDouble;

/**
 * Median of the finite values of an array (NaN and infinite entries mean "unknown" and are skipped). Pure.
 *
 * <p>The middle values are found by selection (expected linear time) rather than by sorting a copy: a profile takes
 * six medians of up to 40 values. Values are ordered as {@link Double#compare} orders them (so -0.0 comes before
 * 0.0), like {@link java.util.Arrays#sort(double[])}, so the result is the one sorting would give. The selection
 * works on the values' bits turned into {@code long}s of the same order, and its partition loops have no
 * data-dependent branch: on random values the branches of a classic partition mispredict about every other
 * element, which made a median of 40 values cost three times as much.
 */
public final class Medians {

    private Medians() {
    }

    public static OptionalDouble median(double[] values) {
        return median(values, values.length);
    }

    /** The median of the finite values among {@code values[0, count)}. */
    public static OptionalDouble median(double[] values, int count) {
        long[] keys = new long[count];
        int n = finiteKeys(values, count, keys);
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double upper = value(upperMiddle(keys, n));
        return OptionalDouble.of(n % 2 == 1 ? upper : (value(lowerMiddle(keys, n)) + upper) / 2);
    }

    /**
     * The median of {@code values[i] / divisor} for a positive {@code divisor}, as {@link #median} would give it on
     * those quotients, together with the median of the values themselves: a division by the same positive number
     * keeps the order, so one selection finds the middle of both.
     *
     * @param medians receives the median of the values at index 0 and that of the quotients at index 1
     * @return false, leaving {@code medians} alone, when no value is finite
     */
    public static boolean medianAndQuotientMedian(double[] values, double divisor, double[] medians) {
        if (!(divisor > 0)) {
            throw new IllegalArgumentException("divisor must be positive (got " + divisor + ")");
        }
        long[] keys = new long[values.length];
        int n = finiteKeys(values, values.length, keys);
        if (n == 0) {
            return false;
        }
        double upper = value(upperMiddle(keys, n));
        if (n % 2 == 1) {
            medians[0] = upper;
            medians[1] = upper / divisor;
        } else {
            double lower = value(lowerMiddle(keys, n));
            medians[0] = (lower + upper) / 2;
            medians[1] = (lower / divisor + upper / divisor) / 2;
        }
        return true;
    }

    /** Writes the keys of the finite values among {@code values[0, count)} to the front of {@code keys}; returns how many. */
    private static int finiteKeys(double[] values, int count, long[] keys) {
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (Double.isFinite(values[i])) {
                keys[n++] = key(values[i]);
            }
        }
        return n;
    }

    /** The key of the {@code n / 2}-th smallest; afterwards {@code keys[0, n / 2)} holds the smaller half. */
    private static long upperMiddle(long[] keys, int n) {
        return select(keys, n, n / 2);
    }

    /** After {@link #upperMiddle}: the largest key of the smaller half. */
    private static long lowerMiddle(long[] keys, int n) {
        long lower = keys[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, keys[i]);
        }
        return lower;
    }

    /**
     * A {@code long} that orders as {@link Double#compare} orders the finite {@code v}: negative values have their
     * magnitude bits flipped, so larger magnitudes come first.
     */
    static long key(double v) {
        long bits = Double.doubleToRawLongBits(v);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The inverse of {@link #key}. */
    static double value(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * The {@code k}-th smallest of {@code a[0, n)} (quickselect); afterwards {@code a[0, k)} holds keys no greater
     * than it. Each partition moves every key without branching on it (a Lomuto partition that always swaps and
     * advances by the comparison's outcome); the keys equal to the pivot are then gathered next to it, so runs of
     * equal values, common in engagement counts, cannot make it quadratic.
     */
    static long select(long[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            long pivot = a[m];
            a[m] = a[hi];
            a[hi] = pivot;
            int less = lo; // a[lo, less) < pivot <= a[less, i)
            for (int i = lo; i < hi; i++) {
                long x = a[i];
                a[i] = a[less];
                a[less] = x;
                less += x < pivot ? 1 : 0;
            }
            a[hi] = a[less];
            a[less] = pivot;
            if (k < less) {
                hi = less - 1;
                continue;
            }
            int equal = less + 1; // a[less, equal) == pivot
            for (int i = equal; i <= hi; i++) {
                long x = a[i];
                a[i] = a[equal];
                a[equal] = x;
                equal += x == pivot ? 1 : 0;
            }
            if (k < equal) {
                return pivot;
            }
            lo = equal;
        }
        return a[k];
    }
}
