package dev.scout.app.report;

import dev.scout.scorer.ScoredProfile;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG histogram of scores in ten 10-point bins, each bar split into flagged and other profiles.
 * Bars are {@code rect.bar} (others) and {@code rect.bar.flagged}. Stateless.
 */
final class ScoreHistogram {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 36;
    private static final int TOP = 14;
    static final int BINS = 10;

    private ScoreHistogram() {
    }

    /** Counts per bin, filled one profile at a time so a report never needs every profile at once. Not thread-safe. */
    static final class Bins {
        private final long[] all = new long[BINS];
        private final long[] flagged = new long[BINS];

        void add(ScoredProfile p) {
            if (!Double.isFinite(p.score())) {
                return;
            }
            int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor(p.score() / 10)));
            all[bin]++;
            if (p.flagged()) {
                flagged[bin]++;
            }
        }
    }

    static String svg(List<ScoredProfile> profiles) {
        Bins bins = new Bins();
        profiles.forEach(bins::add);
        return svg(bins);
    }

    static String svg(Bins bins) {
        long[] all = bins.all;
        long[] flagged = bins.flagged;
        long max = 1;
        for (long n : all) {
            max = Math.max(max, n);
        }
        double slot = (WIDTH - LEFT - 10) / (double) BINS;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"histogram\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Score distribution\">");
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                LEFT, HEIGHT - BOTTOM + 0.5, WIDTH - 10, HEIGHT - BOTTOM + 0.5));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>",
                LEFT - 6, TOP + 4, max));
        for (int i = 0; i < BINS; i++) {
            double x = LEFT + i * slot + 3;
            double total = all[i] / (double) max * plotHeight;
            double top = flagged[i] / (double) max * plotHeight;
            double base = HEIGHT - BOTTOM;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%d–%d: %d profiles, %d flagged</title></rect>",
                    x, base - total, slot - 6, total, i * 10, i * 10 + 10, all[i], flagged[i]));
            if (flagged[i] > 0) {
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"bar flagged\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                        x, base - top, slot - 6, top));
            }
            if (all[i] > 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"count\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                        x + (slot - 6) / 2, base - total - 4, all[i]));
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>",
                    LEFT + i * slot, base + 16, i * 10));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">100</text>",
                WIDTH - 10, HEIGHT - BOTTOM + 16));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-title\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">score</text>",
                (LEFT + WIDTH) / 2.0, HEIGHT - 4));
        svg.append("</svg>");
        return svg.toString();
    }
}
