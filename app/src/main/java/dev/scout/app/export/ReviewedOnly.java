package dev.scout.app.export;

import dev.scout.scorer.ScoredProfile;
import dev.scout.store.ReviewStatus;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Narrows a stream of verdicts to the profiles whose review has one status ({@code scout export --only}). Not thread-safe. */
public final class ReviewedOnly implements Iterator<ScoredProfile> {
    private final Iterator<ScoredProfile> source;
    private final ReviewLookup reviews;
    private final ReviewStatus status;
    private ScoredProfile next;

    public ReviewedOnly(Iterator<ScoredProfile> source, ReviewLookup reviews, ReviewStatus status) {
        this.source = source;
        this.reviews = reviews;
        this.status = status;
    }

    @Override
    public boolean hasNext() {
        while (next == null && source.hasNext()) {
            ScoredProfile p = source.next();
            if (reviews.find(p.account().id()).filter(r -> r.status() == status).isPresent()) {
                next = p;
            }
        }
        return next != null;
    }

    @Override
    public ScoredProfile next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more " + status.key() + " profiles");
        }
        ScoredProfile p = next;
        next = null;
        return p;
    }
}
