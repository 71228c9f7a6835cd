package dev.scout.scorer.authenticity;

import dev.scout.model.HistoryPoint;
import dev.scout.scorer.internal.text.Figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Spots a "hockey-stick" jump in followers between crawls (HypeAuditor, Tagger, Pitchboard: sudden follower jumps
 * are the mark of bought followers; scoring.md §4.2–4.3 and §8). Growth of each interval is normalised to a 30-day
 * rate relative to the followers at its start. An interval is a spike when it gains at least 500 followers and
 * grows at least 50 % per 30 days, and, when other intervals exist, at least 5 times their median rate; with a
 * single interval the bar is a doubling per 30 days and 1,000 followers. Pure and thread-safe.
 */
public final class GrowthSpikeDetector {

    /** @return a description of the largest spike, or empty when none */
    public Optional<String> detect(List<HistoryPoint> history, Instant now, long followersNow) {
        if (history.isEmpty()) {
            return Optional.empty(); // a first crawl: no interval to judge (most profiles)
        }
        List<long[]> points = new ArrayList<>(); // {epochSecond, followers}
        for (HistoryPoint h : history) {
            points.add(new long[]{h.observedAt().getEpochSecond(), h.followers()});
        }
        points.add(new long[]{now.getEpochSecond(), followersNow});
        points.sort((a, b) -> Long.compare(a[0], b[0]));
        int intervals = points.size() - 1;
        if (intervals < 1) {
            return Optional.empty();
        }
        double[] rates = new double[intervals];
        long[] gains = new long[intervals];
        double[] days = new double[intervals];
        for (int i = 0; i < intervals; i++) {
            long[] a = points.get(i);
            long[] b = points.get(i + 1);
            days[i] = Math.max(1.0, Duration.ofSeconds(b[0] - a[0]).toHours() / 24.0);
            gains[i] = b[1] - a[1];
            rates[i] = (double) gains[i] / Math.max(a[1], 1) * 30.0 / days[i];
        }
        int worst = -1;
        for (int i = 0; i < intervals; i++) {
            boolean spike;
            if (intervals == 1) {
                spike = gains[i] >= 1_000 && rates[i] >= 1.0;
            } else {
                double[] others = new double[intervals - 1];
                for (int j = 0, k = 0; j < intervals; j++) {
                    if (j != i) {
                        others[k++] = rates[j];
                    }
                }
                Arrays.sort(others);
                double median = others[others.length / 2];
                spike = gains[i] >= 500 && rates[i] >= 0.5 && rates[i] >= 5 * Math.max(median, 0.01);
            }
            if (spike && (worst < 0 || rates[i] > rates[worst])) {
                worst = i;
            }
        }
        if (worst < 0) {
            return Optional.empty();
        }
        return Optional.of("followers jumped by " + Figures.grouped(gains[worst]) + " (" + whole(rates[worst] * 100)
                + "% per 30 days) in " + whole(days[worst]) + " days");
    }

    /**
     * {@code String.format(Locale.ROOT, "%.0f", x)} without parsing a pattern: below 10^15 a double's shortest
     * decimal form rounds half-up to the same whole number as the double itself; larger or negative values
     * (negative zero included: the formatter writes "-0"), which a spike does not produce, still go through it.
     */
    static String whole(double x) {
        return Double.doubleToRawLongBits(x) >= 0 && x < 1e15 ? Long.toString(Math.round(x))
                : String.format(Locale.ROOT, "%.0f", x);
    }
}
