package dev.scout.crawler.http;

import java.net.URI;
import java.time.Duration;

/**
 * Listener for what the fetcher does, for the progress display and logs. Called from fetcher threads, never under a
 * fetcher lock; implementations must be thread-safe and quick, and must not throw (an exception is counted and
 * dropped so that a display bug cannot kill a crawl). Every method has a no-op default.
 */
public interface FetchEvents {

    /** Listens to nothing. */
    FetchEvents NONE = new FetchEvents() {
    };

    /** An HTTP request is about to be sent; {@code attempt} counts from 1. */
    default void requestSent(String hostKey, URI url, int attempt) {
    }

    /** A response arrived (any status) after {@code elapsed}. */
    default void responseReceived(String hostKey, URI url, int status, Duration elapsed) {
    }

    /** The host pauses for {@code pause} because the server said so (quota spent, 429, 503 Retry-After). */
    default void hostPaused(String hostKey, Duration pause, String reason) {
    }

    /** Another attempt of {@code url} follows after {@code delay}. */
    default void retryScheduled(String hostKey, URI url, int nextAttempt, Duration delay, String cause) {
    }

    /** The host's circuit breaker changed state, e.g. {@code CLOSED_TO_OPEN}. */
    default void circuitTransition(String hostKey, String transition) {
    }

    /** A request ended with {@code outcome}. */
    default void completed(FetchRequest request, FetchOutcome outcome) {
    }
}
