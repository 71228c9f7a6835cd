package dev.scout.config;

import java.util.Locale;
import java.util.Optional;

/** How a profile's engagement rate compares with its follower band's benchmark. */
public enum EngagementGrade {
    /** At least the bottom of the band's average range. */
    AVERAGE("average"),
    /** At least the top of the band's average range. */
    ABOVE_AVERAGE("above-average"),
    /** Above the band's "high" cut. */
    HIGH("high");

    private final String key;

    EngagementGrade(String key) {
        this.key = key;
    }

    /** The spelling used in configuration and reports. */
    public String key() {
        return key;
    }

    /** The grade spelt {@code key}, ignoring case. */
    public static Optional<EngagementGrade> fromKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (EngagementGrade g : values()) {
            if (g.key.equals(k)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
