package dev.scout.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Retries of failed idempotent requests (exponential backoff with jitter; a server's {@code Retry-After} wins).
 *
 * @param maxAttempts    attempts including the first, 1..10
 * @param initialBackoff the wait before the first retry, > 0
 * @param maxBackoff     the longest single wait, >= {@code initialBackoff}
 * @param maxTotalDelay  the most time one request may spend waiting between attempts, >= {@code initialBackoff}
 */
public record RetryConfig(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalDelay) {
    public RetryConfig {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxTotalDelay, "maxTotalDelay");
    }
}
