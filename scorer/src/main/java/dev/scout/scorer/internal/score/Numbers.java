package dev.scout.scorer.internal.score;

import dev.scout.scorer.internal.text.Figures;

/** Number formatting for explanations: root locale, so reasons read the same on every machine. */
final class Numbers {

    private Numbers() {
    }

    static String pct(double fraction) {
        return Figures.percent(fraction);
    }

    static String share(double fraction) {
        return Figures.fixed(fraction, 2);
    }

    static String count(long n) {
        return Figures.grouped(n);
    }
}
