package dev.scout.store;

import java.util.Locale;
import java.util.Optional;

/** What a scout decided about a candidate. {@link #key()} is the word stored and exported ({@code shortlisted}). */
public enum ReviewStatus {
    SHORTLISTED,
    REJECTED,
    UNDECIDED;

    /** The lower-case word used in the store, in exports and in the review app's forms. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@code key} (case-insensitive), or empty when it names none. */
    public static Optional<ReviewStatus> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (ReviewStatus s : values()) {
            if (s.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
