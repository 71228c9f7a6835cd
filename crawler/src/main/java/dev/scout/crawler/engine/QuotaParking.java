package dev.scout.crawler.engine;

import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Platforms whose request budget ran out in this run and the entries put back until it refills. Parked entries stay
 * pending in the frontier, so a later run resumes them; this run stops waiting for them. Thread-safe.
 */
final class QuotaParking {
    private final Map<Platform, Instant> exhaustedUntil = new EnumMap<>(Platform.class);
    private final Set<String> parked = ConcurrentHashMap.newKeySet();

    synchronized void exhaust(Platform platform, Instant until) {
        exhaustedUntil.merge(platform, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When the platform's budget refills, if it is exhausted at {@code now}. */
    synchronized Optional<Instant> exhaustedAt(Platform platform, Instant now) {
        Instant until = exhaustedUntil.get(platform);
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    void park(ProfileRef ref) {
        parked.add(ref.id());
    }

    int count() {
        return parked.size();
    }
}
