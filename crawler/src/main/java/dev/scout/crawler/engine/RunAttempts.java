package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transient failures of each profile in this run: all of them ({@code tries}, which space the retries) and those
 * charged to the profile itself ({@code charged}, which end its retries in this run). Thread-safe.
 */
final class RunAttempts {
    /** Failures of one profile in this run. */
    record Count(int tries, int charged) {
    }

    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** Records a failure; {@code charge} when it is the profile's own (not part of a host-wide streak). */
    Count failed(ProfileRef ref, boolean charge) {
        return counts.merge(ref.id(), new Count(1, charge ? 1 : 0),
                (a, b) -> new Count(a.tries() + b.tries(), a.charged() + b.charged()));
    }
}
