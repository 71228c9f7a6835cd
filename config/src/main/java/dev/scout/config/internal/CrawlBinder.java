package dev.scout.config.internal;

import dev.scout.config.CircuitBreakerConfig;
import dev.scout.config.CrawlConfig;
import dev.scout.config.DataSize;
import dev.scout.config.Defaults;
import dev.scout.config.RetryConfig;
import java.time.Duration;
import java.util.regex.Pattern;

/** Reads {@code crawl}, including {@code crawl.retry} and {@code crawl.circuitBreaker}. */
final class CrawlBinder {
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7E]+");
    private static final Pattern PRODUCT = Pattern.compile("^[A-Za-z_-]+(/\\S+)?(\\s.*)?$");
    private static final Pattern CONTACT = Pattern.compile("https?://[^\\s;)]+|[^\\s@;(]+@[^\\s@;)]+\\.[^\\s@;)]+");

    private CrawlBinder() {
    }

    static CrawlConfig bind(Section root) {
        Section s = root.section("crawl");
        int postsPerProfile = s.integer("postsPerProfile", Defaults.POSTS_PER_PROFILE, 1, 200);
        int maxProfiles = s.integer("maxProfiles", Defaults.MAX_PROFILES, 1, Integer.MAX_VALUE);
        String userAgent = userAgent(s);
        boolean allowPrivate = s.bool("allowPrivateAddresses", false);
        int perHost = s.integer("maxInFlightPerHost", Defaults.MAX_IN_FLIGHT_PER_HOST, 1, Integer.MAX_VALUE);
        int total = s.integer("maxInFlightTotal", Defaults.MAX_IN_FLIGHT_TOTAL, 1, Integer.MAX_VALUE);
        if (total < perHost) {
            s.problems().add(s.path("maxInFlightTotal"), String.valueOf(total),
                    "must be >= crawl.maxInFlightPerHost (" + perHost + ")");
        }
        Duration connect = s.duration("connectTimeout", Defaults.CONNECT_TIMEOUT);
        Duration read = s.duration("readTimeout", Defaults.READ_TIMEOUT);
        Duration call = s.duration("callTimeout", Defaults.CALL_TIMEOUT);
        Duration longest = connect.compareTo(read) >= 0 ? connect : read;
        if (call.compareTo(longest) < 0) {
            s.problems().add(s.path("callTimeout"), Numbers.format(call),
                    "must be at least crawl.connectTimeout and crawl.readTimeout (" + Numbers.format(longest) + ")");
        }
        DataSize maxBody = s.size("maxBodySize", Defaults.MAX_BODY_SIZE, DataSize.ofKibibytes(1));
        int maxRedirects = s.integer("maxRedirects", Defaults.MAX_REDIRECTS, 0, 20);
        RetryConfig retry = retry(s.section("retry"));
        CircuitBreakerConfig breaker = circuitBreaker(s.section("circuitBreaker"));
        DataSize cache = s.size("cacheSize", Defaults.CACHE_SIZE, new DataSize(0));
        Duration refreshAfter = s.duration("refreshAfter", Defaults.REFRESH_AFTER);
        int sample = s.integer("followerSampleSize", Defaults.FOLLOWER_SAMPLE_SIZE, 0, 400);
        Duration crawlDelayCap = s.duration("crawlDelayCap", Defaults.CRAWL_DELAY_CAP);
        Duration rateLimitWaitCap = s.duration("rateLimitWaitCap", Defaults.RATE_LIMIT_WAIT_CAP);
        Duration learnedRateMaxAge = s.duration("learnedRateMaxAge", Defaults.LEARNED_RATE_MAX_AGE);
        if (s.raw("usageCeiling").isPresent()) {
            // Shipped briefly (issue 14's first merge, reverted); the ceiling is per Meta platform.
            s.problems().add(s.path("usageCeiling"), Render.text(s.raw("usageCeiling").get().asText()),
                    "was replaced by platforms.instagram.usageCeilingPct and platforms.threads.usageCeilingPct"
                            + " (the only hosts that report usage percentages); move the value there");
        }
        s.finish();
        return new CrawlConfig(postsPerProfile, maxProfiles, userAgent, allowPrivate, perHost, total, connect, read,
                call, maxBody, maxRedirects, retry, breaker, cache, refreshAfter, sample, crawlDelayCap,
                rateLimitWaitCap, learnedRateMaxAge);
    }

    private static String userAgent(Section s) {
        String ua = s.text("userAgent", Defaults.USER_AGENT).strip();
        String path = s.path("userAgent");
        if (!PRINTABLE_ASCII.matcher(ua).matches()) {
            s.problems().add(path, Render.text(ua), "must be one line of printable ASCII (it is sent as an HTTP header)");
            return Defaults.USER_AGENT;
        }
        if (!PRODUCT.matcher(ua).matches() || !CONTACT.matcher(ua).find()) {
            s.problems().add(path, Render.text(ua), "must start with a product token (e.g. MyScout/1.0) and include"
                    + " a contact URL or email, so site owners can reach you");
            return Defaults.USER_AGENT;
        }
        return ua;
    }

    private static RetryConfig retry(Section s) {
        int attempts = s.integer("maxAttempts", Defaults.RETRY_MAX_ATTEMPTS, 1, 10);
        Duration initial = s.duration("initialBackoff", Defaults.RETRY_INITIAL_BACKOFF);
        Duration max = s.duration("maxBackoff", Defaults.RETRY_MAX_BACKOFF);
        Duration total = s.duration("maxTotalDelay", Defaults.RETRY_MAX_TOTAL_DELAY);
        if (max.compareTo(initial) < 0) {
            s.problems().add(s.path("maxBackoff"), Numbers.format(max),
                    "must be at least crawl.retry.initialBackoff (" + Numbers.format(initial) + ")");
        }
        if (total.compareTo(initial) < 0) {
            s.problems().add(s.path("maxTotalDelay"), Numbers.format(total),
                    "must be at least crawl.retry.initialBackoff (" + Numbers.format(initial) + ")");
        }
        s.finish();
        return new RetryConfig(attempts, initial, max, total);
    }

    private static CircuitBreakerConfig circuitBreaker(Section s) {
        CircuitBreakerConfig c = new CircuitBreakerConfig(
                s.integer("failureRateThreshold", Defaults.BREAKER_FAILURE_RATE_THRESHOLD, 1, 100),
                s.integer("minimumCalls", Defaults.BREAKER_MINIMUM_CALLS, 1, Integer.MAX_VALUE),
                s.duration("openFor", Defaults.BREAKER_OPEN_FOR));
        s.finish();
        return c;
    }
}
