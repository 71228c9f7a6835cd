package dev.scout.app.serve;

import dev.scout.app.report.Format;
import dev.scout.model.HistoryPoint;

import java.util.List;
import java.util.Locale;

/**
 * Followers over time as an inline SVG line (one point per UTC day the profile was crawled), with the first and last
 * day and the lowest and highest count as labels. Numbers only, no profile text. Stateless.
 */
final class GrowthPlot {
    private static final int W = 600;
    private static final int H = 180;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 14;
    private static final int BOTTOM = 30;

    private GrowthPlot() {
    }

    static String svg(List<HistoryPoint> points) {
        if (points.size() < 2) {
            return "<p class=\"small\" id=\"growth-none\">" + (points.isEmpty() ? "No observation stored."
                    : "One observation so far (" + Format.count(points.get(0).followers()) + " followers on "
                    + points.get(0).observedAt().toString().substring(0, 10)
                    + "); the plot appears once the profile was crawled on two different days.") + "</p>";
        }
        long t0 = points.get(0).observedAt().toEpochMilli();
        long t1 = points.get(points.size() - 1).observedAt().toEpochMilli();
        long min = points.stream().mapToLong(HistoryPoint::followers).min().orElse(0);
        long max = points.stream().mapToLong(HistoryPoint::followers).max().orElse(0);
        double spanT = Math.max(1, t1 - t0);
        double spanF = Math.max(1, max - min);
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (HistoryPoint p : points) {
            double x = LEFT + (p.observedAt().toEpochMilli() - t0) / spanT * (W - LEFT - RIGHT);
            double y = TOP + (1 - (p.followers() - min) / spanF) * (H - TOP - BOTTOM);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s: %s</title></circle>",
                    x, y, p.observedAt().toString().substring(0, 10), Format.count(p.followers())));
        }
        return "<svg class=\"chart growth\" id=\"growth\" viewBox=\"0 0 " + W + " " + H + "\" role=\"img\" aria-label=\"followers over time\">"
                + "<line class=\"axis\" x1=\"" + LEFT + "\" y1=\"" + (H - BOTTOM) + "\" x2=\"" + (W - RIGHT) + "\" y2=\"" + (H - BOTTOM) + "\"/>"
                + "<line class=\"axis\" x1=\"" + LEFT + "\" y1=\"" + TOP + "\" x2=\"" + LEFT + "\" y2=\"" + (H - BOTTOM) + "\"/>"
                + "<text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\"" + (TOP + 4) + "\" text-anchor=\"end\">" + Format.count(max) + "</text>"
                + "<text class=\"tick\" x=\"" + (LEFT - 6) + "\" y=\"" + (H - BOTTOM) + "\" text-anchor=\"end\">" + Format.count(min) + "</text>"
                + "<text class=\"tick\" x=\"" + LEFT + "\" y=\"" + (H - 10) + "\">" + points.get(0).observedAt().toString().substring(0, 10) + "</text>"
                + "<text class=\"tick\" x=\"" + (W - RIGHT) + "\" y=\"" + (H - 10) + "\" text-anchor=\"end\">"
                + points.get(points.size() - 1).observedAt().toString().substring(0, 10) + "</text>"
                + "<polyline class=\"line\" points=\"" + line.toString().strip() + "\"/>" + dots + "</svg>";
    }
}
