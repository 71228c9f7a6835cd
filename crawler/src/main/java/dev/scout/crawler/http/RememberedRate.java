package dev.scout.crawler.http;

import java.time.Instant;
import java.util.Objects;

/**
 * A host's sustained request rate as a fetcher learned it from the host's own answers — the rate-limit headers read
 * as a rate, or the rate at which it stopped answering 429 — in requests per second, and when it was learned.
 *
 * @throws IllegalArgumentException when the rate is not a positive finite number
 */
public record RememberedRate(double requestsPerSecond, Instant learnedAt) {
    public RememberedRate {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a remembered rate must be a positive number of requests per second,"
                    + " got " + requestsPerSecond);
        }
        Objects.requireNonNull(learnedAt, "learnedAt");
    }
}
