package dev.scout.crawler.politeness;

import java.time.Duration;
import java.util.Optional;

/**
 * What a response said about the server's limit for us.
 *
 * @param limit     requests allowed per window
 * @param remaining requests left in the current window (as counted by the server when it answered)
 * @param resetIn   time from the response until the window resets
 * @param window    window length when the server states it ({@code RateLimit-Policy: 300;w=300})
 * @param format    which header family it came from, for events and tests
 */
public record ServerQuota(long limit, long remaining, Duration resetIn, Optional<Duration> window, Format format) {

    /** Header families Scout understands. */
    public enum Format {
        /** {@code X-RateLimit-*} (Mastodon; Reset is ISO-8601). */
        X_RATELIMIT,
        /** {@code RateLimit-*} (IETF draft, Bluesky; Reset is epoch seconds or delta seconds). */
        RATELIMIT
    }
}
