package dev.scout.scorer.score;

import java.util.Locale;

/** Number formatting for explanations: root locale, so reasons read the same on every machine. */
final class Numbers {

    private Numbers() {
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    static String share(double fraction) {
        return String.format(Locale.ROOT, "%.2f", fraction);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
