package dev.scout.app.report;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Human-readable numbers for the report (locale-independent, so a report reads the same everywhere). Stateless. */
public final class Format {

    private Format() {
    }

    /** 950, 12.4k, 1.2M. */
    public static String count(long n) {
        if (n < 1_000) {
            return Long.toString(n);
        }
        if (n < 1_000_000) {
            return trim(String.format(Locale.ROOT, "%.1f", n / 1_000.0)) + "k";
        }
        return trim(String.format(Locale.ROOT, "%.1f", n / 1_000_000.0)) + "M";
    }

    public static String count(OptionalLong n) {
        return n.isPresent() ? count(n.getAsLong()) : "—";
    }

    /** A fraction as a percentage with two decimals: 0.0423 → 4.23%. */
    public static String percent(double fraction) {
        return trim(String.format(Locale.ROOT, "%.2f", fraction * 100)) + "%";
    }

    public static String percent(OptionalDouble fraction) {
        return fraction.isPresent() && Double.isFinite(fraction.getAsDouble()) ? percent(fraction.getAsDouble()) : "—";
    }

    public static String decimal1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** $1,234.50; amounts under a dollar keep four decimals ($0.0342) because cost per engagement is often cents. */
    public static String usd(OptionalDouble v) {
        if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) {
            return "—";
        }
        double d = v.getAsDouble();
        return String.format(Locale.ROOT, Math.abs(d) < 1 ? "$%.4f" : "$%,.2f", d);
    }

    /** 2 h 03 min, 3 min 12 s, 850 ms. */
    public static String duration(Duration d) {
        if (d.toMillis() < 1_000) {
            return d.toMillis() + " ms";
        }
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1_000.0);
    }

    private static String trim(String decimal) {
        if (!decimal.contains(".")) {
            return decimal;
        }
        String s = decimal.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
