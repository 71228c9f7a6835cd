package dev.scout.config;

import java.util.Locale;
import java.util.Optional;

/** Creator size tiers used to key price ranges (Later × Fohr bands). */
public enum PricingTier {
    /** 1K–10K followers. */
    NANO("nano"),
    /** 10K–100K followers. */
    MICRO("micro"),
    /** 100K–500K followers. */
    MID("mid"),
    /** 500K–1M followers. */
    MACRO("macro"),
    /** Over 1M followers. */
    MEGA("mega");

    private final String key;

    PricingTier(String key) {
        this.key = key;
    }

    /** The spelling used in configuration. */
    public String key() {
        return key;
    }

    /** The tier spelt {@code key}, ignoring case. */
    public static Optional<PricingTier> fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (PricingTier t : values()) {
            if (t.key.equals(k)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
