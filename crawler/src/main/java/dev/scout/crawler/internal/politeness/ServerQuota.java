package dev.scout.crawler.internal.politeness;

import java.time.Duration;
import java.util.Optional;

/**
 * What one response said about the server's limit for us: evidence about a rate and a burst, not only a countdown.
 * {@link QuotaModel} turns a series of these into a sustained rate and a burst.
 *
 * @param limit     requests allowed per window (for a token bucket that reports "time until full", its capacity)
 * @param remaining requests left (as counted by the server when it answered), {@code 0..limit}
 * @param resetIn   time from the response until the window resets (or the bucket is full again)
 * @param window    window length when the server states it ({@code RateLimit-Policy: 300;w=300}, {@code q=…;w=…})
 * @param format    which header family it came from, for events and tests
 */
public record ServerQuota(long limit, long remaining, Duration resetIn, Optional<Duration> window, Format format) {

    /** Header families Scout understands. */
    public enum Format {
        /** {@code X-RateLimit-*} (Mastodon, GitHub with {@code -Used}, Twitter's {@code X-Rate-Limit-*}). */
        X_RATELIMIT,
        /** {@code RateLimit-Limit/Remaining/Reset} + {@code RateLimit-Policy} (IETF drafts up to 06, Bluesky). */
        RATELIMIT,
        /** The single {@code RateLimit} field of IETF draft 07 and later, with {@code RateLimit-Policy}. */
        RATELIMIT_FIELD
    }

    /** The sustained rate a stated window implies, in requests per second, if the server stated one. */
    public Optional<Double> statedRate() {
        return window.filter(w -> !w.isZero()).map(w -> limit / (w.toNanos() / 1e9));
    }
}
