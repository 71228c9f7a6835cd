package dev.scout.crawler.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything that tunes the fetcher, validated once. Build with {@link #builder()}; every field has a documented
 * default. The app maps {@code scout.yaml}'s {@code crawl.*} keys onto the builder.
 *
 * @param userAgent             sent on every request; must start with a product token ({@code Scout/0.1}) and should
 *                              carry a contact URL. Default {@value #DEFAULT_USER_AGENT}
 * @param allowPrivateAddresses connect to loopback/private/link-local/multicast addresses (default false)
 * @param trustedPrivateHosts   host names that may resolve to private addresses even when those are refused (a
 *                              self-hosted instance on the LAN); default none
 * @param connectTimeout        TCP/TLS connect timeout (default 10 s)
 * @param readTimeout           idle time between bytes (default 20 s)
 * @param callTimeout           whole exchange incl. body; ends slow-loris responses (default 60 s)
 * @param maxInFlightPerHost    concurrent requests per host unless a {@link HostPolicy} says otherwise (default 2)
 * @param maxInFlightTotal      concurrent requests over all hosts (default 16)
 * @param requestsPerSecond     default rate per host (default 1.0)
 * @param hostPolicies          per-host overrides by host key ({@code host:port}); default none
 * @param maxBodyBytes          cap on a decompressed body (default 5 MiB)
 * @param maxRedirects          redirect hops followed, each re-checked by robots.txt and the address guard (default 5)
 * @param retry                 retry schedule for I/O errors and 5xx
 * @param circuit               circuit breaker per host
 * @param cacheMaxBytes         response cache size, weighed by body bytes (default 64 MiB; 0 disables the cache)
 * @param crawlDelayCap         longest robots.txt Crawl-delay honoured (default 30 s)
 * @param rateLimitWaitCap      longest total time one request may wait because of 429 answers before it fails as
 *                              {@code RATE_LIMITED}; default 5 × {@code retry.maxTotalDelay} (10 min), long enough
 *                              to sit out a Mastodon 5-minute window twice
 * @param usageCeilingPercent   hosts that report usage percentages (Meta's {@code X-App-Usage},
 *                              {@code X-Business-Use-Case-Usage}) are paced to stay under this share (default 80)
 * @param usageWindow           the rolling window those percentages refer to (default one hour, as Meta documents)
 * @param learnedRateMaxAge     a host's rate remembered from an earlier owner ({@link RateMemory}) older than this is
 *                              not started from (default one day, {@code crawl.learnedRateMaxAge}): limits change, and
 *                              yesterday's 429s should not slow a host down today
 */
public record FetcherSettings(
        String userAgent,
        boolean allowPrivateAddresses,
        Set<String> trustedPrivateHosts,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxInFlightPerHost,
        int maxInFlightTotal,
        double requestsPerSecond,
        Function<String, Optional<HostPolicy>> hostPolicies,
        long maxBodyBytes,
        int maxRedirects,
        RetrySettings retry,
        CircuitSettings circuit,
        long cacheMaxBytes,
        Duration crawlDelayCap,
        Duration rateLimitWaitCap,
        double usageCeilingPercent,
        Duration usageWindow,
        Duration learnedRateMaxAge) {

    public static final String DEFAULT_USER_AGENT = "Scout/0.1 (+https://github.com/scout-crawler/scout)";

    /**
     * @param maxAttempts    attempts including the first (default 4)
     * @param initialBackoff cap of the first backoff; doubles per attempt, full jitter (default 500 ms)
     * @param maxBackoff     cap of any single backoff (default 30 s)
     * @param maxTotalDelay  total backoff one request may accumulate before it fails (default 2 min)
     */
    public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotalDelay) {
        public static RetrySettings defaults() {
            return new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2));
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls (I/O errors, timeouts, 5xx) that opens the circuit (50)
     * @param minimumCalls         calls recorded before the rate is judged (10)
     * @param openFor              time the circuit stays open before half-open probes (30 s)
     */
    public record CircuitSettings(float failureRateThreshold, int minimumCalls, Duration openFor) {
        public static CircuitSettings defaults() {
            return new CircuitSettings(50f, 10, Duration.ofSeconds(30));
        }
    }

    public FetcherSettings {
        trustedPrivateHosts = trustedPrivateHosts.stream().map(h -> h.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        List<String> problems = new ArrayList<>();
        if (userAgent == null || !userAgent.matches("[A-Za-z][A-Za-z0-9_-]*(/\\S+)?( .*)?")) {
            problems.add("crawl.userAgent must start with a product token such as 'Scout/0.1', was '" + userAgent + "'");
        }
        positive(problems, "crawl.connectTimeout", connectTimeout);
        positive(problems, "crawl.readTimeout", readTimeout);
        positive(problems, "crawl.callTimeout", callTimeout);
        positive(problems, "crawl.crawlDelayCap", crawlDelayCap);
        positive(problems, "crawl.rateLimitWaitCap", rateLimitWaitCap);
        positive(problems, "usageWindow (the rolling window of usage percentages)", usageWindow);
        positive(problems, "crawl.learnedRateMaxAge", learnedRateMaxAge);
        if (!(usageCeilingPercent > 0 && usageCeilingPercent <= 100)) {
            problems.add("usageCeilingPercent must be a percentage in (0, 100], was " + usageCeilingPercent);
        }
        atLeast(problems, "crawl.maxInFlightPerHost", maxInFlightPerHost, 1);
        atLeast(problems, "crawl.maxInFlightTotal", maxInFlightTotal, 1);
        atLeast(problems, "crawl.maxBodySize", maxBodyBytes, 1);
        atLeast(problems, "crawl.maxRedirects", maxRedirects, 0);
        atLeast(problems, "crawl.cacheSize", cacheMaxBytes, 0);
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            problems.add("platforms.web.requestsPerSecond must be a positive number, was " + requestsPerSecond);
        }
        if (hostPolicies == null) {
            problems.add("hostPolicies must not be null (use host -> Optional.empty())");
        }
        if (retry == null) {
            problems.add("crawl.retry must not be null");
        } else {
            atLeast(problems, "crawl.retry.maxAttempts", retry.maxAttempts(), 1);
            positive(problems, "crawl.retry.initialBackoff", retry.initialBackoff());
            positive(problems, "crawl.retry.maxBackoff", retry.maxBackoff());
            positive(problems, "crawl.retry.maxTotalDelay", retry.maxTotalDelay());
        }
        if (circuit == null) {
            problems.add("crawl.circuitBreaker must not be null");
        } else {
            if (!(circuit.failureRateThreshold() > 0 && circuit.failureRateThreshold() <= 100)) {
                problems.add("crawl.circuitBreaker.failureRateThreshold must be in (0, 100], was "
                        + circuit.failureRateThreshold());
            }
            atLeast(problems, "crawl.circuitBreaker.minimumCalls", circuit.minimumCalls(), 1);
            positive(problems, "crawl.circuitBreaker.openFor", circuit.openFor());
        }
        if (!problems.isEmpty()) {
            throw new InvalidFetcherSettingsException(problems);
        }
    }

    /** The robots.txt product token: the User-Agent's first token before '/', lower-case ({@code scout}). */
    public String robotsProductToken() {
        String token = userAgent.split("[/ ]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    /** The policy for a host key: its override, or the defaults. */
    public HostPolicy policyFor(String hostKey) {
        return hostPolicies.apply(hostKey).orElseGet(() -> new HostPolicy(requestsPerSecond, maxInFlightPerHost));
    }

    public static FetcherSettingsBuilder builder() {
        return new FetcherSettingsBuilder();
    }

    private static void positive(List<String> problems, String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(key + " must be a positive duration, was " + value);
        }
    }

    private static void atLeast(List<String> problems, String key, long value, long min) {
        if (value < min) {
            problems.add(key + " must be at least " + min + ", was " + value);
        }
    }
}
