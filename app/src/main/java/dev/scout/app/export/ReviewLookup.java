package dev.scout.app.export;

import dev.scout.store.Review;
import dev.scout.store.Store;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The scouts' reviews an export writes in its {@code review_*} columns, by profile id. Reviews are made by people
 * one at a time, so even a busy store holds thousands, not the hundred thousands of verdicts: {@link #of(Store)}
 * keeps them all in memory for the export's single pass. Immutable; thread-safe.
 */
public final class ReviewLookup {
    /** No reviews: exports of files scored outside a store. */
    public static final ReviewLookup NONE = new ReviewLookup(Map.of());

    private final Map<String, Review> byId;

    private ReviewLookup(Map<String, Review> byId) {
        this.byId = byId;
    }

    /** Every review in {@code store}. */
    public static ReviewLookup of(Store store) {
        Map<String, Review> m = new HashMap<>();
        for (Iterator<Review> it = store.reviews(); it.hasNext(); ) {
            Review r = it.next();
            m.put(r.ref().id(), r);
        }
        return new ReviewLookup(Map.copyOf(m));
    }

    /** The review of the profile with id {@code refId}, when there is one. */
    public Optional<Review> find(String refId) {
        return Optional.ofNullable(byId.get(refId));
    }
}
