package dev.scout.scorer;

import java.util.OptionalDouble;

/**
 * A price per post in US dollars for one platform × tier, from a rate card.
 *
 * @param lowUsd  price at the bottom of the tier
 * @param highUsd price at the top of the tier; empty for open-ended tiers such as "mega: $25,000+"
 */
public record PriceRange(double lowUsd, OptionalDouble highUsd) {

    public PriceRange {
        if (!(lowUsd >= 0) || Double.isInfinite(lowUsd)) {
            throw new IllegalArgumentException("price low must be a finite number >= 0 (got " + lowUsd + ")");
        }
        highUsd = highUsd == null ? OptionalDouble.empty() : highUsd;
        if (highUsd.isPresent() && !(highUsd.getAsDouble() >= lowUsd)) {
            throw new IllegalArgumentException("price high must be >= low (got " + lowUsd + "–" + highUsd.getAsDouble() + ")");
        }
    }

    public static PriceRange of(double low, double high) {
        return new PriceRange(low, OptionalDouble.of(high));
    }

    public static PriceRange from(double low) {
        return new PriceRange(low, OptionalDouble.empty());
    }

    /** "$25–$125" or "$25,000+". */
    public String describe() {
        String low = "$" + dev.scout.scorer.internal.text.Figures.grouped(Math.round(lowUsd));
        return highUsd.isPresent()
                ? low + "–$" + dev.scout.scorer.internal.text.Figures.grouped(Math.round(highUsd.getAsDouble()))
                : low + "+";
    }
}
