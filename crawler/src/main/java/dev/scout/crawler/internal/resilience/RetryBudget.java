package dev.scout.crawler.internal.resilience;

import io.github.resilience4j.retry.Retry;

import java.time.Duration;
import java.util.Optional;

/**
 * The retry state of one request: a resilience4j {@link Retry.AsyncContext} (attempt cap, what is retryable, the
 * backoff) plus the cap on total delay that resilience4j does not have. Not thread-safe: one request's attempts are
 * sequential.
 */
public final class RetryBudget<T> {
    private final Retry.AsyncContext<T> context;
    private final long maxTotalDelayMillis;
    private long totalDelayMillis;
    private int attempts = 1;

    RetryBudget(Retry.AsyncContext<T> context, Duration maxTotalDelay) {
        this.context = context;
        this.maxTotalDelayMillis = maxTotalDelay.toMillis();
    }

    /** The wait before the next attempt after this result, or empty to stop (not retryable or budget spent). */
    public Optional<Duration> afterResult(T result) {
        return next(context.onResult(result));
    }

    /** The wait before the next attempt after this error, or empty to stop (not retryable or budget spent). */
    public Optional<Duration> afterError(Throwable error) {
        return next(context.onError(error));
    }

    /** The request is over (success or final failure). */
    public void complete() {
        context.onComplete();
    }

    /** Attempts made so far, counting the first. */
    public int attempts() {
        return attempts;
    }

    /** Backoff accumulated so far. */
    public Duration totalDelay() {
        return Duration.ofMillis(totalDelayMillis);
    }

    private Optional<Duration> next(long delayMillis) {
        if (delayMillis < 0 || totalDelayMillis + delayMillis > maxTotalDelayMillis) {
            return Optional.empty();
        }
        totalDelayMillis += delayMillis;
        attempts++;
        return Optional.of(Duration.ofMillis(delayMillis));
    }
}
