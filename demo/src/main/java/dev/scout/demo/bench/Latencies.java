package dev.scout.demo.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Response times of one set of requests, in nanoseconds, with nearest-rank percentiles (the p-th percentile is the
 * smallest value with at least p% of the values at or below it). Immutable.
 */
record Latencies(long[] sortedNanos) {

    Latencies {
        sortedNanos = sortedNanos.clone();
        Arrays.sort(sortedNanos);
    }

    static Latencies of(List<Long> nanos) {
        return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    int count() {
        return sortedNanos.length;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds; 0 when there are no values. */
    double percentileMillis(double p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Latencies l && Arrays.equals(sortedNanos, l.sortedNanos);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sortedNanos);
    }

    @Override
    public String toString() {
        return "Latencies[" + sortedNanos.length + " values]";
    }
}
