package dev.scout.crawler.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Calls the user's {@link FetchEvents} and contains its failures: a listener that throws must not break the
 * completion of a fetch. Failures are counted ({@link #listenerFailures()}) instead of being lost. Thread-safe.
 */
final class SafeEvents implements FetchEvents {
    private final FetchEvents delegate;
    private final AtomicLong failures = new AtomicLong();

    SafeEvents(FetchEvents delegate) {
        this.delegate = delegate;
    }

    long listenerFailures() {
        return failures.get();
    }

    @Override
    public void requestSent(String hostKey, URI url, int attempt) {
        call(d -> d.requestSent(hostKey, url, attempt));
    }

    @Override
    public void responseReceived(String hostKey, URI url, int status, Duration elapsed) {
        call(d -> d.responseReceived(hostKey, url, status, elapsed));
    }

    @Override
    public void hostPaused(String hostKey, Duration pause, String reason) {
        call(d -> d.hostPaused(hostKey, pause, reason));
    }

    @Override
    public void retryScheduled(String hostKey, URI url, int nextAttempt, Duration delay, String cause) {
        call(d -> d.retryScheduled(hostKey, url, nextAttempt, delay, cause));
    }

    @Override
    public void circuitTransition(String hostKey, String transition) {
        call(d -> d.circuitTransition(hostKey, transition));
    }

    @Override
    public void completed(FetchRequest request, FetchOutcome outcome) {
        call(d -> d.completed(request, outcome));
    }

    private void call(Consumer<FetchEvents> call) {
        try {
            call.accept(delegate);
        } catch (RuntimeException e) {
            // Task boundary: a display bug must not lose a fetch outcome. Counted, so it is visible.
            failures.incrementAndGet();
        }
    }
}
