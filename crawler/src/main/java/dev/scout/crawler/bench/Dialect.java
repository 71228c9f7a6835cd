package dev.scout.crawler.bench;

/**
 * How a benchmark server enforces and announces its limit of R requests per second (issue 14). Every bucket dialect
 * is a token bucket of R per second with a burst of {@link LimitRule#BURST}.
 */
public enum Dialect {
    /** {@code X-RateLimit-Limit} = burst, {@code Remaining} = whole tokens, {@code Reset} = seconds until the bucket is full (rounded up). */
    RESET_TO_FULL,
    /** IETF draft 08+: {@code RateLimit-Policy: "default";q=10R;w=10}, {@code RateLimit: "default";r=…;t=…}. */
    IETF_DRAFT,
    /** Bluesky-style fixed windows of 30 s holding 30·R requests (Mastodon's 300 per 5 minutes, 10× shorter), {@code RateLimit-Policy: 30R;w=30}. */
    FIXED_WINDOW,
    /** Meta-style {@code X-App-Usage} percentages of a 30 s rolling window; 100% is R/0.8 per second, so 80% is R. */
    USAGE_PERCENT,
    /** No limit headers; 429 with {@code Retry-After} (whole seconds until a token, rounded up). */
    RETRY_AFTER_ONLY,
    /** No limit headers and no {@code Retry-After}: a bare 429. */
    PURE_429;

    /** Whether the server advertises its limit (so any 429 is a request over an advertised limit). */
    public boolean advertised() {
        return this != RETRY_AFTER_ONLY && this != PURE_429;
    }
}
