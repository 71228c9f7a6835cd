package dev.scout.crawler.internal.resilience;

import dev.scout.crawler.http.FetcherSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private final FetcherSettings.RetrySettings settings = new FetcherSettings.RetrySettings(4, Duration.ofMillis(500),
            Duration.ofSeconds(30), Duration.ofMinutes(2));

    /** Results are status codes; 5xx is retryable, 503 carries a Retry-After of 7 s. */
    private RetryPolicy<Integer> policy(long seed) {
        return new RetryPolicy<>(settings, status -> status >= 500,
                status -> status == 503 ? Optional.of(Duration.ofSeconds(7)) : Optional.empty(),
                error -> error instanceof IOException, new SplittableRandom(seed));
    }

    @Test
    void backsOffWithFullJitterUnderADoublingCapAndStopsAtMaxAttempts() {
        for (long seed = 0; seed < 200; seed++) {
            RetryBudget<Integer> budget = policy(seed).start();
            List<Duration> delays = new ArrayList<>();
            Optional<Duration> next;
            while ((next = budget.afterResult(500)).isPresent()) {
                delays.add(next.get());
            }
            assertThat(delays).hasSize(3);
            assertThat(delays.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(500));
            assertThat(delays.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
            assertThat(delays.get(2)).isBetween(Duration.ZERO, Duration.ofMillis(2000));
            assertThat(budget.attempts()).isEqualTo(4);
        }
    }

    @Test
    void retryAfterTakesPrecedenceOverBackoff() {
        assertThat(policy(1).start().afterResult(503)).contains(Duration.ofSeconds(7));
    }

    @Test
    void doesNotRetryClientErrorsOrNonIoExceptions() {
        assertThat(policy(1).start().afterResult(404)).isEmpty();
        assertThat(policy(1).start().afterError(new IllegalStateException("bug"))).isEmpty();
        assertThat(policy(1).start().afterError(new IOException("reset"))).isPresent();
    }

    @Test
    void stopsWhenTheTotalDelayCapWouldBeExceeded() {
        RetryPolicy<Integer> tight = new RetryPolicy<>(new FetcherSettings.RetrySettings(10, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofSeconds(10)), status -> status >= 500,
                status -> Optional.of(Duration.ofSeconds(6)), error -> false, new SplittableRandom(3));
        RetryBudget<Integer> budget = tight.start();

        assertThat(budget.afterResult(503)).contains(Duration.ofSeconds(6));
        assertThat(budget.afterResult(503)).isEmpty();
        assertThat(budget.totalDelay()).isEqualTo(Duration.ofSeconds(6));
    }
}
