package dev.scout.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Every default value, in one place. {@code docs/CONFIG.md} documents the same values; a test keeps the two in step.
 *
 * <p>The section factories ({@link #crawl()}, {@link #scoring()}, …) return the configuration a {@code scout.yaml}
 * gets when it leaves the whole section out, which is handy for tests in other modules.
 */
public final class Defaults {

    /** The version of Scout this module was built as ({@code 0.1.0-SNAPSHOT}); {@code development} when unknown. */
    public static final String VERSION = readVersion();

    public static final double MASTODON_REQUESTS_PER_SECOND = 1.0;
    public static final URI BLUESKY_BASE_URL = URI.create("https://public.api.bsky.app");
    public static final double BLUESKY_REQUESTS_PER_SECOND = 5.0;
    public static final URI YOUTUBE_BASE_URL = URI.create("https://www.googleapis.com/youtube/v3");
    public static final int YOUTUBE_DAILY_QUOTA_UNITS = 10_000;
    public static final double YOUTUBE_REQUESTS_PER_SECOND = 5.0;
    public static final double WEB_REQUESTS_PER_SECOND = 0.5;
    public static final URI INSTAGRAM_BASE_URL = URI.create("https://graph.facebook.com");
    /** The newest Graph API version at the time of writing (v26.0, 2026-07-29; reference §1.6). */
    public static final String INSTAGRAM_GRAPH_VERSION = "v26.0";
    /** Business Discovery falls under Platform Rate Limits (200 calls per hour per app user): one a second is plenty. */
    public static final double INSTAGRAM_REQUESTS_PER_SECOND = 1.0;
    /** Meta's own advice is to slow down above about 75–80 %; Scout stops at 80 %. */
    public static final int INSTAGRAM_USAGE_CEILING_PCT = 80;
    public static final URI THREADS_BASE_URL = URI.create("https://graph.threads.net");
    public static final String THREADS_API_VERSION = "v1.0";
    public static final double THREADS_REQUESTS_PER_SECOND = 1.0;
    public static final int THREADS_USAGE_CEILING_PCT = 80;

    public static final int POSTS_PER_PROFILE = 40;
    public static final int MAX_PROFILES = 500;
    public static final String USER_AGENT =
            "ScoutBot/" + VERSION + " (+https://github.com/scout-oss/scout; scout@scout.example)";
    public static final int MAX_IN_FLIGHT_PER_HOST = 2;
    public static final int MAX_IN_FLIGHT_TOTAL = 16;
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    public static final DataSize MAX_BODY_SIZE = DataSize.ofMebibytes(5);
    public static final int MAX_REDIRECTS = 5;
    public static final int RETRY_MAX_ATTEMPTS = 4;
    public static final Duration RETRY_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration RETRY_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final Duration RETRY_MAX_TOTAL_DELAY = Duration.ofMinutes(2);
    public static final int BREAKER_FAILURE_RATE_THRESHOLD = 50;
    public static final int BREAKER_MINIMUM_CALLS = 10;
    public static final Duration BREAKER_OPEN_FOR = Duration.ofSeconds(30);
    public static final DataSize CACHE_SIZE = DataSize.ofMebibytes(64);
    public static final Duration REFRESH_AFTER = Duration.ofDays(7);
    public static final int FOLLOWER_SAMPLE_SIZE = 80;
    public static final Duration CRAWL_DELAY_CAP = Duration.ofSeconds(30);
    /** Five times the default {@link #RETRY_MAX_TOTAL_DELAY}: a rate limit is worth waiting out longer than an error. */
    public static final Duration RATE_LIMIT_WAIT_CAP = Duration.ofMinutes(10);
    /** A host's rate learned by an earlier fleet worker older than this is not started from: limits change. */
    public static final Duration LEARNED_RATE_MAX_AGE = Duration.ofDays(1);

    public static final int DISCOVERY_MAX_PROFILES = 500;
    public static final int DISCOVERY_DEPTH = 2;
    public static final int DISCOVERY_HASHTAG_PAGES = 10;

    public static final long FOLLOWERS_MIN = 1_000;
    public static final long FOLLOWERS_MAX = 100_000;
    public static final double NICHE_MIN_SHARE = 0.30;
    public static final EngagementGrade ENGAGEMENT_MIN_GRADE = EngagementGrade.ABOVE_AVERAGE;
    public static final double SPONSORED_MAX_SHARE = 0.20;
    public static final int SPONSORED_MAX_DISTINCT_BRANDS = 3;
    public static final double AUDIENCE_MIN_REAL_PCT = 75;
    public static final ScoringConfig.Weights WEIGHTS = new ScoringConfig.Weights(0.35, 0.25, 0.20, 0.20);

    public static final String OUTPUT_DIR = "out";
    public static final List<OutputFormat> OUTPUT_FORMATS =
            List.of(OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.REPORT);
    public static final String STORE = "scout.db";
    public static final PostTextRetention STORE_POST_TEXT = PostTextRetention.keep();

    /** Used as {@code hubspot.token} when it is not set and {@code hubspot} is an output format. */
    public static final String HUBSPOT_TOKEN = "${HUBSPOT_TOKEN}";
    public static final URI HUBSPOT_BASE_URL = URI.create("https://api.hubapi.com");
    public static final String HUBSPOT_OBJECT_TYPE = "contacts";
    public static final String HUBSPOT_ID_PROPERTY = "scout_id";
    public static final int HUBSPOT_REQUESTS_PER_10S = 90;

    private Defaults() {
    }

    /** The {@code crawl} section when left out. */
    public static CrawlConfig crawl() {
        return new CrawlConfig(POSTS_PER_PROFILE, MAX_PROFILES, USER_AGENT, false, MAX_IN_FLIGHT_PER_HOST,
                MAX_IN_FLIGHT_TOTAL, CONNECT_TIMEOUT, READ_TIMEOUT, CALL_TIMEOUT, MAX_BODY_SIZE, MAX_REDIRECTS,
                retry(), circuitBreaker(), CACHE_SIZE, REFRESH_AFTER, FOLLOWER_SAMPLE_SIZE, CRAWL_DELAY_CAP,
                RATE_LIMIT_WAIT_CAP, LEARNED_RATE_MAX_AGE);
    }

    /** The {@code crawl.retry} section when left out. */
    public static RetryConfig retry() {
        return new RetryConfig(RETRY_MAX_ATTEMPTS, RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF, RETRY_MAX_TOTAL_DELAY);
    }

    /** The {@code crawl.circuitBreaker} section when left out. */
    public static CircuitBreakerConfig circuitBreaker() {
        return new CircuitBreakerConfig(BREAKER_FAILURE_RATE_THRESHOLD, BREAKER_MINIMUM_CALLS, BREAKER_OPEN_FOR);
    }

    /** The {@code discovery} section when left out. */
    public static DiscoveryConfig discovery() {
        return new DiscoveryConfig(DISCOVERY_MAX_PROFILES, DISCOVERY_DEPTH, DISCOVERY_HASHTAG_PAGES, false);
    }

    /** The {@code scoring} section when left out. */
    public static ScoringConfig scoring() {
        return new ScoringConfig(new ScoringConfig.Followers(FOLLOWERS_MIN, FOLLOWERS_MAX),
                new ScoringConfig.Niche(NICHE_MIN_SHARE), new ScoringConfig.Engagement(ENGAGEMENT_MIN_GRADE),
                new ScoringConfig.Sponsorship(SPONSORED_MAX_SHARE, SPONSORED_MAX_DISTINCT_BRANDS),
                new ScoringConfig.Authenticity(AUDIENCE_MIN_REAL_PCT), WEIGHTS, java.util.Map.of());
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = Defaults.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                return "development";
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/scout/config/build.properties from the classpath", e);
        }
        String v = p.getProperty("version", "");
        return v.isBlank() || v.startsWith("${") ? "development" : v;
    }
}
