package dev.scout.crawler.internal.resilience;

import dev.scout.crawler.http.FetcherSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * One resilience4j {@link CircuitBreaker} per host. Failures are I/O errors, timeouts and 5xx (recorded by the
 * fetcher); 429 and other 4xx are not failures of the host. While open, the host's lane defers its work; after
 * {@code openFor} a couple of half-open probes decide. Thread-safe.
 */
public final class HostCircuits {
    /** Calls let through while half-open; two so that one unlucky probe does not re-open a healthy host. */
    static final int HALF_OPEN_PROBES = 2;

    private final CircuitBreakerConfig config;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final BiConsumer<String, CircuitBreaker.StateTransition> onTransition;

    /** @param onTransition told of every state change, with the host key */
    public HostCircuits(FetcherSettings.CircuitSettings settings, Clock clock,
                        BiConsumer<String, CircuitBreaker.StateTransition> onTransition) {
        CircuitBreakerConfig built = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindow(Math.max(settings.minimumCalls(), 2 * settings.minimumCalls()), settings.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(HALF_OPEN_PROBES)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(Throwable.class)
                .clock(clock)
                .writableStackTraceEnabled(false)
                .build();
        this.config = built;
        this.onTransition = onTransition;
    }

    /** The breaker of {@code hostKey}, created on first use. */
    public CircuitBreaker forHost(String hostKey) {
        return breakers.computeIfAbsent(hostKey, key -> {
            CircuitBreaker breaker = CircuitBreaker.of(key, config);
            breaker.getEventPublisher().onStateTransition(e -> onTransition.accept(hostKey, e.getStateTransition()));
            return breaker;
        });
    }
}
