package dev.scout.store.postgres.fleet;

import java.time.Instant;

/**
 * A host's request rate as learned from its answers (rate-limit headers, 429s), in requests per second, and when.
 *
 * @throws IllegalArgumentException when the rate is not a positive finite number
 */
public record LearnedLimit(double requestsPerSecond, Instant learnedAt) {
    public LearnedLimit {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("learned rate must be a positive number of requests per second, got "
                    + requestsPerSecond);
        }
    }
}
