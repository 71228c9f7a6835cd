package dev.scout.app.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * The type of an export column, which fixes how its value is written as text. Free-text kinds are the only ones
 * a spreadsheet guard may alter; numbers, booleans and timestamps are written exactly as formatted here.
 */
public enum ColumnKind {
    /** Attacker-controllable text (bios, names, URLs, brands). */
    TEXT(true),
    /** A list of free-text values, joined with {@code "; "}. */
    TEXT_LIST(true),
    /** A whole number. */
    INTEGER(false),
    /** A fraction 0–1, four decimals ({@code 0.0423}). */
    FRACTION(false),
    /** A number with one decimal (score 0–100, percentages 0–100). */
    DECIMAL_1(false),
    /** US dollars with two decimals. */
    USD(false),
    /** US dollars with four decimals (cost per engagement is often a few cents). */
    USD_4(false),
    /** {@code true} or {@code false}. */
    BOOLEAN(false),
    /** ISO-8601 instant in UTC ({@code 2026-11-20T10:15:30Z}). */
    TIMESTAMP(false);

    private final boolean freeText;

    ColumnKind(boolean freeText) {
        this.freeText = freeText;
    }

    /** True for columns whose content comes from profile text and so needs formula neutralising in a spreadsheet. */
    public boolean isFreeText() {
        return freeText;
    }

    /** Formats a raw value of this kind; the value's Java type must match the kind (see {@link ColumnSpec}). */
    public String format(Object value) {
        return switch (this) {
            case TEXT -> (String) value;
            case TEXT_LIST -> String.join("; ", castList(value));
            case INTEGER -> Long.toString(((Number) value).longValue());
            case FRACTION, USD_4 -> decimal((Double) value, 4);
            case DECIMAL_1 -> decimal((Double) value, 1);
            case USD -> decimal((Double) value, 2);
            case BOOLEAN -> Boolean.toString((Boolean) value);
            case TIMESTAMP -> ((Instant) value).toString();
        };
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    /** Fixed-point, locale-independent; NaN and infinities never reach here (see {@link ColumnSpec#value}). */
    private static String decimal(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
