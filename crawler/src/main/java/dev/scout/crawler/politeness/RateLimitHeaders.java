package dev.scout.crawler.politeness;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rate-limit headers: {@code X-RateLimit-Limit/Remaining/Reset} (Reset ISO-8601, or epoch seconds as some
 * APIs send) and {@code RateLimit-Limit/Remaining/Reset} with {@code RateLimit-Policy: N;w=S} (Reset epoch seconds,
 * or delta seconds as the IETF draft specifies). Stateless; header values are untrusted, so anything malformed or
 * out of range yields empty rather than an exception.
 */
public final class RateLimitHeaders {
    /** Below this a numeric Reset is a delta in seconds, above it epoch seconds (1e9 s is September 2001). */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    /** Longer resets are treated as nonsense: no API window we know of exceeds a day. */
    private static final Duration MAX_RESET = Duration.ofDays(1);
    private static final Pattern WINDOW = Pattern.compile("(?:^|;)\\s*w\\s*=\\s*(\\d{1,9})");

    private RateLimitHeaders() {
    }

    /**
     * @param header looks a response header up case-insensitively
     * @param now    the wall clock when the response arrived
     */
    public static Optional<ServerQuota> parse(Function<String, Optional<String>> header, Instant now) {
        Optional<ServerQuota> x = parseFamily(header, "X-RateLimit-", now, ServerQuota.Format.X_RATELIMIT);
        return x.isPresent() ? x : parseFamily(header, "RateLimit-", now, ServerQuota.Format.RATELIMIT);
    }

    private static Optional<ServerQuota> parseFamily(Function<String, Optional<String>> header, String prefix,
                                                     Instant now, ServerQuota.Format format) {
        Optional<Long> limit = header.apply(prefix + "Limit").flatMap(RateLimitHeaders::firstNumber);
        Optional<Long> remaining = header.apply(prefix + "Remaining").flatMap(RateLimitHeaders::firstNumber);
        Optional<Duration> resetIn = header.apply(prefix + "Reset").flatMap(v -> resetIn(v.trim(), now));
        if (limit.isEmpty() || remaining.isEmpty() || resetIn.isEmpty() || limit.get() <= 0) {
            return Optional.empty();
        }
        Optional<Duration> window = header.apply(prefix + "Policy").flatMap(RateLimitHeaders::window);
        long rem = Math.min(Math.max(0, remaining.get()), limit.get());
        return Optional.of(new ServerQuota(limit.get(), rem, resetIn.get(), window, format));
    }

    static Optional<Duration> resetIn(String value, Instant now) {
        Optional<Long> number = value.matches("\\d{1,12}") ? Optional.of(Long.parseLong(value)) : Optional.empty();
        Duration d;
        if (number.isPresent()) {
            long n = number.get();
            d = n < EPOCH_THRESHOLD ? Duration.ofSeconds(n) : Duration.between(now, Instant.ofEpochSecond(n));
        } else {
            try {
                d = Duration.between(now, OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return d.compareTo(MAX_RESET) > 0 ? Optional.empty() : Optional.of(d);
    }

    /** The limit headers may list several values ({@code 100, 100;w=60}); the first is the one in force. */
    private static Optional<Long> firstNumber(String value) {
        String first = value.split("[,;]", 2)[0].trim();
        return first.matches("\\d{1,12}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
    }

    private static Optional<Duration> window(String policy) {
        String first = policy.split(",", 2)[0];
        Matcher m = WINDOW.matcher(first);
        if (!m.find()) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(m.group(1));
        return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    }
}
