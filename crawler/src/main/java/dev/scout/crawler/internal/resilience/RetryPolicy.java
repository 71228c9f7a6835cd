package dev.scout.crawler.internal.resilience;

import dev.scout.crawler.http.FetcherSettings;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Which attempts are retried and after how long: resilience4j {@link Retry} configured with an attempt cap, the
 * retryable results/errors, and exponential backoff with full jitter (a uniform wait in [0, min(maxBackoff,
 * initial·2^(n-1))]); a wait the server asked for ({@code Retry-After}) takes precedence over the backoff. Thread-safe.
 *
 * @param <T> the attempt result type
 */
public final class RetryPolicy<T> {
    private final Retry retry;
    private final Duration maxTotalDelay;

    /**
     * @param retryableResult results worth another attempt (5xx)
     * @param serverWait      the wait a result asks for (Retry-After), if any
     * @param retryableError  errors worth another attempt (I/O)
     * @param random          jitter source (seeded in tests); access is synchronised
     */
    public RetryPolicy(FetcherSettings.RetrySettings settings, Predicate<T> retryableResult,
                       Function<T, Optional<Duration>> serverWait, Predicate<Throwable> retryableError,
                       RandomGenerator random) {
        long initial = settings.initialBackoff().toMillis();
        long max = settings.maxBackoff().toMillis();
        RetryConfig config = RetryConfig.<T>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnResult(retryableResult)
                .retryOnException(retryableError)
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .<T>intervalBiFunction((attempt, either) -> {
                    if (either.isRight()) {
                        Optional<Duration> asked = serverWait.apply(either.get());
                        if (asked.isPresent()) {
                            return asked.get().toMillis();
                        }
                    }
                    long cap = Math.min(max, initial << Math.min(30, Math.max(0, attempt - 1)));
                    synchronized (random) {
                        return random.nextLong(cap + 1);
                    }
                })
                .build();
        this.retry = Retry.of("fetch", config);
        this.maxTotalDelay = settings.maxTotalDelay();
    }

    /** A fresh budget for one request. */
    public RetryBudget<T> start() {
        return new RetryBudget<>(retry.asyncContext(), maxTotalDelay);
    }
}
