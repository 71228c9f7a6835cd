package dev.scout.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The per-host circuit breaker that stops hammering a host that keeps failing.
 *
 * @param failureRateThreshold the failure percentage (1..100) that opens the circuit
 * @param minimumCalls         calls recorded before the rate is judged, >= 1
 * @param openFor              how long the circuit stays open before a trial call, > 0
 */
public record CircuitBreakerConfig(int failureRateThreshold, int minimumCalls, Duration openFor) {
    public CircuitBreakerConfig {
        Objects.requireNonNull(openFor, "openFor");
    }
}
