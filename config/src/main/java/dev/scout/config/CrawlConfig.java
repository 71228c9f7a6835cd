package dev.scout.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How Scout fetches: budgets, politeness, timeouts, limits and resilience.
 *
 * @param postsPerProfile       recent posts read per profile, 1..200
 * @param maxProfiles           profiles crawled per run at most, >= 1
 * @param userAgent             sent with every request; names the product and a contact URL or email
 * @param allowPrivateAddresses whether loopback and private addresses may be fetched (demo and tests only)
 * @param maxInFlightPerHost    concurrent requests to one host, >= 1
 * @param maxInFlightTotal      concurrent requests overall, >= {@code maxInFlightPerHost}
 * @param connectTimeout        TCP/TLS connect timeout, > 0
 * @param readTimeout           the longest silence while reading a response, > 0
 * @param callTimeout           the whole call including redirects, >= {@code connectTimeout} and {@code readTimeout}
 * @param maxBodySize           responses larger than this are refused, > 0
 * @param maxRedirects          redirects followed per request, 0..20
 * @param retry                 retry policy
 * @param circuitBreaker        per-host circuit breaker
 * @param cacheSize             HTTP response cache budget; zero turns the cache off
 * @param refreshAfter          a stored profile younger than this is not fetched again, > 0
 * @param followerSampleSize    followers sampled per profile for the audience check, 0..400 (0 skips the check)
 * @param crawlDelayCap         the longest robots.txt {@code Crawl-delay} honoured; longer delays skip the host
 * @param rateLimitWaitCap      the longest one request may wait in all because of 429 answers before it fails
 * @param learnedRateMaxAge     a host's rate learned by an earlier fleet worker and older than this is not started from
 */
public record CrawlConfig(int postsPerProfile, int maxProfiles, String userAgent, boolean allowPrivateAddresses,
                          int maxInFlightPerHost, int maxInFlightTotal, Duration connectTimeout, Duration readTimeout,
                          Duration callTimeout, DataSize maxBodySize, int maxRedirects, RetryConfig retry,
                          CircuitBreakerConfig circuitBreaker, DataSize cacheSize, Duration refreshAfter,
                          int followerSampleSize, Duration crawlDelayCap, Duration rateLimitWaitCap,
                          Duration learnedRateMaxAge) {
    public CrawlConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(maxBodySize, "maxBodySize");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(cacheSize, "cacheSize");
        Objects.requireNonNull(refreshAfter, "refreshAfter");
        Objects.requireNonNull(crawlDelayCap, "crawlDelayCap");
        Objects.requireNonNull(rateLimitWaitCap, "rateLimitWaitCap");
        Objects.requireNonNull(learnedRateMaxAge, "learnedRateMaxAge");
    }

    /** These settings with another {@code maxInFlightTotal} (at least {@code maxInFlightPerHost}, as validated). */
    public CrawlConfig withMaxInFlightTotal(int total) {
        if (total < maxInFlightPerHost) {
            throw new IllegalArgumentException("maxInFlightTotal " + total + " is below maxInFlightPerHost "
                    + maxInFlightPerHost);
        }
        return new CrawlConfig(postsPerProfile, maxProfiles, userAgent, allowPrivateAddresses, maxInFlightPerHost,
                total, connectTimeout, readTimeout, callTimeout, maxBodySize, maxRedirects, retry, circuitBreaker,
                cacheSize, refreshAfter, followerSampleSize, crawlDelayCap, rateLimitWaitCap, learnedRateMaxAge);
    }
}
