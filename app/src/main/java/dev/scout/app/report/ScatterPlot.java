package dev.scout.app.report;

import dev.scout.scorer.ScoredProfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG of engagement rate (linear, percent) against followers (log scale), one {@code circle.pt} per profile
 * with both values known; flagged profiles get {@code circle.pt.flagged} and are drawn last so they stay visible.
 * The 1k–100k target band is shaded. Rates above the axis maximum are pinned to the top edge
 * ({@code circle.pt.clipped}). Stateless.
 */
final class ScatterPlot {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 400;
    private static final int LEFT = 58;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private ScatterPlot() {
    }

    /** Profiles that can be plotted: followers above zero and a known, finite engagement rate. */
    static List<ScoredProfile> plottable(List<ScoredProfile> profiles) {
        return profiles.stream()
                .filter(p -> p.account().followers().isPresent() && p.account().followers().getAsLong() > 0)
                .filter(p -> p.engagement().rate().isPresent() && Double.isFinite(p.engagement().rate().getAsDouble()))
                .toList();
    }

    static String svg(List<ScoredProfile> profiles) {
        List<ScoredProfile> points = new ArrayList<>(plottable(profiles));
        points.sort(Comparator.comparing(ScoredProfile::flagged));
        double minExp = 2;
        double maxExp = 6;
        double maxRate = 0.05;
        for (ScoredProfile p : points) {
            double exp = Math.log10(p.account().followers().getAsLong());
            minExp = Math.min(minExp, Math.floor(exp));
            maxExp = Math.max(maxExp, Math.ceil(exp));
        }
        List<Double> rates = points.stream().map(p -> p.engagement().rate().getAsDouble()).sorted().toList();
        if (!rates.isEmpty()) {
            // The 98th percentile, so one viral outlier does not squash every other point to the floor.
            maxRate = Math.max(maxRate, rates.get((int) Math.floor((rates.size() - 1) * 0.98)) * 1.05);
        }
        double step = niceStep(maxRate);
        maxRate = Math.ceil(maxRate / step - 1e-9) * step;
        Axes axes = new Axes(minExp, maxExp, maxRate, (int) Math.round(maxRate / step));
        StringBuilder svg = new StringBuilder(256 + points.size() * 160);
        svg.append("<svg id=\"scatter\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Engagement rate against followers, log scale\">");
        svg.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                axes.x(3), TOP, axes.x(5) - axes.x(3), HEIGHT - TOP - BOTTOM));
        svg.append(String.format(Locale.ROOT, "<text class=\"band-label\" x=\"%.1f\" y=\"%d\">target 1k–100k</text>",
                axes.x(3) + 4, TOP + 14));
        axes.grid(svg);
        for (ScoredProfile p : points) {
            long followers = p.account().followers().getAsLong();
            double rate = p.engagement().rate().getAsDouble();
            svg.append(String.format(Locale.ROOT, "<circle class=\"%s%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\">",
                    p.flagged() ? "pt flagged" : "pt", rate > maxRate ? " clipped" : "", axes.x(Math.log10(followers)), axes.y(Math.min(rate, maxRate)),
                    p.flagged() ? "5" : "3.5"));
            svg.append("<title>").append(Html.escape(p.account().handle())).append(" — ")
                    .append(Format.count(followers)).append(" followers, ").append(Format.percent(rate))
                    .append(p.flagged() ? ", flagged" : "").append(rate > maxRate ? " (above the chart, shown at the top)" : "")
                    .append("</title></circle>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** The smallest round tick step that needs at most six steps to reach {@code max}. */
    private static double niceStep(double max) {
        for (double step : new double[] {0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1}) {
            if (max / step <= 6) {
                return step;
            }
        }
        return Math.ceil(max / 6);
    }

    /** Maps data to pixels and draws grid lines, ticks and axis titles. */
    private record Axes(double minExp, double maxExp, double maxRate, int steps) {

        double x(double exp) {
            return LEFT + (exp - minExp) / (maxExp - minExp) * (WIDTH - LEFT - RIGHT);
        }

        double y(double rate) {
            return HEIGHT - BOTTOM - rate / maxRate * (HEIGHT - TOP - BOTTOM);
        }

        void grid(StringBuilder svg) {
            for (int e = (int) minExp; e <= (int) maxExp; e++) {
                svg.append(String.format(Locale.ROOT,
                        "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                                + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        x(e), TOP, x(e), HEIGHT - BOTTOM, x(e), HEIGHT - BOTTOM + 16, Format.count((long) Math.pow(10, e))));
            }
            for (int i = 0; i <= steps; i++) {
                double rate = maxRate * i / steps;
                svg.append(String.format(Locale.ROOT,
                        "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                                + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                        LEFT, y(rate), WIDTH - RIGHT, y(rate), LEFT - 6, y(rate) + 4, Format.percent(rate)));
            }
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"axis-title\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">followers (log scale)</text>",
                    (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 6));
            svg.append(String.format(Locale.ROOT,
                    "<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"%.1f\" y=\"14\" text-anchor=\"middle\">"
                            + "engagement rate</text>", -(TOP + HEIGHT - BOTTOM) / 2.0));
        }
    }
}
