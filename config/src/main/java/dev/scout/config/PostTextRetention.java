package dev.scout.config;

import java.util.Objects;

/**
 * How long the store keeps the raw text of posts ({@code store.postText}). Counts, ids, times, hashtags, mentions
 * and links are always kept; text is what a creator may not want stored, and what re-scoring without refetching
 * and the report's evidence quotes need.
 *
 * @param mode keep, erase after {@code days}, or never store
 * @param days for {@link Mode#DROP_AFTER_DAYS}: text of posts older than this is erased; 0 otherwise
 */
public record PostTextRetention(Mode mode, int days) {

    /** Retention modes; the config spells them {@code keep}, {@code none} and {@code <days>d}. */
    public enum Mode {
        KEEP,
        DROP_AFTER_DAYS,
        NONE
    }

    public PostTextRetention {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.DROP_AFTER_DAYS ? days < 1 : days != 0) {
            throw new IllegalArgumentException("post text retention " + mode + " with " + days + " days");
        }
    }

    public static PostTextRetention keep() {
        return new PostTextRetention(Mode.KEEP, 0);
    }

    public static PostTextRetention none() {
        return new PostTextRetention(Mode.NONE, 0);
    }

    public static PostTextRetention dropAfterDays(int days) {
        return new PostTextRetention(Mode.DROP_AFTER_DAYS, days);
    }

    /** The config spelling: {@code keep}, {@code none} or {@code 30d}. */
    @Override
    public String toString() {
        return switch (mode) {
            case KEEP -> "keep";
            case NONE -> "none";
            case DROP_AFTER_DAYS -> days + "d";
        };
    }
}
