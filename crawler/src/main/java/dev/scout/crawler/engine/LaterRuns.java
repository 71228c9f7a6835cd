package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entries this run handed over to a later run after a transient failure (retries of this run spent, host given up,
 * robots.txt unavailable). They stay pending in the frontier with their attempt count and next eligible time, so
 * nothing is lost; this run stops waiting for them. An entry claimed again in this run leaves the set. Thread-safe.
 */
final class LaterRuns {
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    void hold(ProfileRef ref) {
        held.add(ref.id());
    }

    void claimedAgain(ProfileRef ref) {
        held.remove(ref.id());
    }

    int count() {
        return held.size();
    }
}
