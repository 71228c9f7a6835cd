package dev.scout.scorer.internal.engagement;

/**
 * Published engagement cuts for one platform table and follower band, as fractions (0.0111 = 1.11 %).
 *
 * @param table     table label, e.g. {@code instagram-proxy}
 * @param band      band key, e.g. {@code 10k-50k}
 * @param low       the "low" cut
 * @param avgLow    bottom of the average range
 * @param avgHigh   top of the average range: the "above-average" cut used by the flag gate
 * @param high      the "high" cut
 * @param estimated true when the source does not publish the low/high cuts and they were extrapolated
 * @param source    where the figures come from
 */
public record BandBenchmark(String table, String band, double low, double avgLow, double avgHigh, double high,
                            boolean estimated, String source) {

    /** Percentile anchors: see {@code benchmarks.json} percentileAnchors. */
    private static final double P_LOW = 10;
    private static final double P_AVG_LOW = 40;
    private static final double P_AVG_HIGH = 60;
    private static final double P_HIGH = 90;
    private static final double P_99 = 99;
    private static final double P99_HIGH_MULTIPLE = 2.0;

    public BandBenchmark {
        if (!(0 < low && low <= avgLow && avgLow <= avgHigh && avgHigh <= high)) {
            throw new IllegalArgumentException("benchmark " + table + " " + band
                    + ": cuts must satisfy 0 < low <= avgLow <= avgHigh <= high");
        }
    }

    /** Estimated 99th percentile: twice the high cut (see benchmarks.json). */
    public double p99() {
        return high * P99_HIGH_MULTIPLE;
    }

    /**
     * Estimated percentile of {@code rate} within the band, by linear interpolation between the anchors; strictly
     * increasing in {@code rate}, in [0, 99.9).
     */
    public double percentile(double rate) {
        if (rate <= 0) {
            return 0;
        }
        if (rate < low) {
            return P_LOW * rate / low;
        }
        if (rate < avgLow) {
            return interpolate(rate, low, avgLow, P_LOW, P_AVG_LOW);
        }
        if (rate < avgHigh) {
            return interpolate(rate, avgLow, avgHigh, P_AVG_LOW, P_AVG_HIGH);
        }
        if (rate < high) {
            return interpolate(rate, avgHigh, high, P_AVG_HIGH, P_HIGH);
        }
        if (rate < p99()) {
            return interpolate(rate, high, p99(), P_HIGH, P_99);
        }
        return P_99 + 0.9 * (1 - p99() / rate);
    }

    private static double interpolate(double x, double x0, double x1, double y0, double y1) {
        return x1 == x0 ? y1 : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }

    /** low, below-average, average, above-average or high. */
    public String grade(double rate) {
        if (rate < low) {
            return "low";
        }
        if (rate < avgLow) {
            return "below-average";
        }
        if (rate < avgHigh) {
            return "average";
        }
        if (rate < high) {
            return "above-average";
        }
        return "high";
    }

    /** e.g. "instagram-proxy 10k-50k: avg 0.84–1.11%, high > 2.61%". */
    public String describe() {
        return table + " " + band + ": low < " + pct(low) + "%, avg " + pct(avgLow) + "–" + pct(avgHigh)
                + "%, high > " + pct(high) + "%" + (estimated ? " (low/high estimated)" : "");
    }

    /** Percentage with up to three decimals, trailing zeros dropped: 0.0261 → "2.61", 0.0442 → "4.42". */
    static String pct(double fraction) {
        String s = dev.scout.scorer.internal.text.Figures.fixed(fraction * 100, 3);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.charAt(end - 1) == '.' ? s.substring(0, end - 1) : s.substring(0, end);
    }
}
