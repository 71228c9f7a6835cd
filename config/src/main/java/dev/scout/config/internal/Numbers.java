package dev.scout.config.internal;

import java.math.BigDecimal;

/** Formats numbers in problem messages the way a user wrote them: {@code 0.3}, {@code 5}, not {@code 5.0}. */
public final class Numbers {
    private Numbers() {
    }

    /** A duration in the largest exact unit of the configuration syntax: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 7d}. */
    public static String format(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (ms != 0 && ms % units[i] == 0) {
                return ms / units[i] + names[i];
            }
        }
        return ms + "ms";
    }

    public static String format(double d) {
        if (!Double.isFinite(d)) {
            return String.valueOf(d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
