package dev.scout.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long the raw text of posts is kept. Counts, ids and times are always kept (they feed growth and trend);
 * text is what a creator may not want stored, and what makes re-scoring possible without refetching.
 *
 * @param mode    keep, drop after {@code days}, or never store
 * @param days    for {@link Mode#DROP_AFTER_DAYS}: text of posts older than this many days is erased by
 *                {@link Store#applyRetention(Instant)}; ignored otherwise
 */
public record TextRetention(Mode mode, int days) {

    /** Retention modes. */
    public enum Mode {
        KEEP,
        DROP_AFTER_DAYS,
        NONE
    }

    public TextRetention {
        if (mode == null) {
            throw new IllegalArgumentException("text retention mode must not be null");
        }
        if (mode == Mode.DROP_AFTER_DAYS && days < 1) {
            throw new IllegalArgumentException("text retention: days must be >= 1 for drop-after-days, was " + days);
        }
    }

    public static TextRetention keep() {
        return new TextRetention(Mode.KEEP, 0);
    }

    public static TextRetention none() {
        return new TextRetention(Mode.NONE, 0);
    }

    public static TextRetention dropAfterDays(int days) {
        return new TextRetention(Mode.DROP_AFTER_DAYS, days);
    }

    /** Posts created before the returned instant lose their text at {@code now}; empty when text is kept forever. */
    public Optional<Instant> cutoff(Instant now) {
        return switch (mode) {
            case KEEP -> Optional.empty();
            case NONE -> Optional.of(Instant.MAX);
            case DROP_AFTER_DAYS -> Optional.of(now.minus(Duration.ofDays(days)));
        };
    }
}
