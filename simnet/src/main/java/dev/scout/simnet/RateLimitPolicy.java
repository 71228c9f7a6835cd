package dev.scout.simnet;

import java.time.Duration;
import java.util.Objects;

/**
 * A fixed-window request budget per client per host.
 *
 * @param limit     requests allowed per window, at least 1
 * @param window    window length, at least 1 ms; windows align to multiples of it since the epoch
 * @param advertise whether the host sends its rate-limit headers (429s are sent either way)
 */
public record RateLimitPolicy(int limit, Duration window, boolean advertise) {

    public RateLimitPolicy {
        Objects.requireNonNull(window, "window");
    }

    /** Mastodon's budget scaled down so the demo stays fast: 300 requests per 5 seconds, advertised. */
    public static RateLimitPolicy mastodonDemo() {
        return new RateLimitPolicy(300, Duration.ofSeconds(5), true);
    }

    /** A Bluesky AppView-like budget: 3,000 requests per 5 minutes, advertised. */
    public static RateLimitPolicy blueskyDefault() {
        return new RateLimitPolicy(3_000, Duration.ofMinutes(5), true);
    }

    /** Requests per second this policy allows on average. */
    public double perSecond() {
        return limit / (window.toNanos() / 1e9);
    }
}
