package dev.scout.crawler.internal.politeness;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads rate-limit headers in the dialects found in the wild:
 * <ul>
 *   <li>{@code X-RateLimit-Limit/Remaining/Reset} with Reset as delta seconds, epoch seconds or an ISO-8601 timestamp
 *       (Mastodon); GitHub's {@code x-ratelimit-used} when Remaining is missing; Twitter's {@code X-Rate-Limit-*};</li>
 *   <li>{@code RateLimit-Limit/Remaining/Reset} with {@code RateLimit-Policy: N;w=S} (IETF drafts up to 06,
 *       Bluesky);</li>
 *   <li>the single {@code RateLimit} field of IETF draft 07 ({@code limit=10, remaining=1, reset=7}) and draft 08+
 *       ({@code "default";r=1;t=7} with {@code RateLimit-Policy: "default";q=10;w=1}).</li>
 * </ul>
 * {@code Retry-After} is read by {@link RetryAfter}, Meta's usage percentages by {@link UsageHeaders}. Stateless;
 * header values are untrusted, so anything malformed or out of range yields empty rather than an exception.
 */
public final class RateLimitHeaders {
    /** Below this a numeric Reset is a delta in seconds, above it epoch seconds (1e9 s is September 2001). */
    private static final long EPOCH_THRESHOLD = 1_000_000_000L;
    /** Longer resets are treated as nonsense: no API window we know of exceeds a day. */
    private static final Duration MAX_RESET = Duration.ofDays(1);
    private static final Pattern WINDOW = Pattern.compile("(?:^|;)\\s*w\\s*=\\s*(\\d{1,9})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}");

    private RateLimitHeaders() {
    }

    /**
     * @param header looks a response header up case-insensitively
     * @param now    the wall clock when the response arrived
     */
    public static Optional<ServerQuota> parse(Function<String, Optional<String>> header, Instant now) {
        Optional<ServerQuota> q = parseFamily(header, "X-RateLimit-", now, ServerQuota.Format.X_RATELIMIT);
        if (q.isEmpty()) {
            q = parseFamily(header, "X-Rate-Limit-", now, ServerQuota.Format.X_RATELIMIT);
        }
        if (q.isEmpty()) {
            q = parseFamily(header, "RateLimit-", now, ServerQuota.Format.RATELIMIT);
        }
        if (q.isEmpty()) {
            q = header.apply("RateLimit").flatMap(v -> parseField(v, header.apply("RateLimit-Policy"), now));
        }
        return q;
    }

    private static Optional<ServerQuota> parseFamily(Function<String, Optional<String>> header, String prefix,
                                                     Instant now, ServerQuota.Format format) {
        Optional<Long> limit = header.apply(prefix + "Limit").flatMap(RateLimitHeaders::firstNumber);
        Optional<Long> remaining = header.apply(prefix + "Remaining").flatMap(RateLimitHeaders::firstNumber);
        if (remaining.isEmpty() && limit.isPresent()) {
            // GitHub also sends x-ratelimit-used; a proxy that drops one header leaves the other.
            remaining = header.apply(prefix + "Used").flatMap(RateLimitHeaders::firstNumber)
                    .map(used -> limit.get() - used);
        }
        Optional<Duration> resetIn = header.apply(prefix + "Reset").flatMap(v -> resetIn(v.trim(), now));
        Optional<Duration> window = header.apply(prefix + "Policy").flatMap(RateLimitHeaders::window);
        return quota(limit, remaining, resetIn, window, format);
    }

    private static Optional<ServerQuota> quota(Optional<Long> limit, Optional<Long> remaining,
                                               Optional<Duration> resetIn, Optional<Duration> window,
                                               ServerQuota.Format format) {
        if (limit.isEmpty() || remaining.isEmpty() || resetIn.isEmpty() || limit.get() <= 0) {
            return Optional.empty();
        }
        long rem = Math.min(Math.max(0, remaining.get()), limit.get());
        return Optional.of(new ServerQuota(limit.get(), rem, resetIn.get(), window, format));
    }

    /**
     * The single {@code RateLimit} field. Draft 07: a dictionary {@code limit=10, remaining=1, reset=7} (policy
     * {@code 10;w=1}). Draft 08+: a list of named items {@code "burst";r=1;t=7, "day";r=900;t=3600} whose quota and
     * window come from the same-named {@code RateLimit-Policy} item ({@code "burst";q=10;w=1}). With several
     * items the one closest to exhaustion (lowest share remaining) is the one in force.
     */
    static Optional<ServerQuota> parseField(String value, Optional<String> policyHeader, Instant now) {
        List<Map<String, String>> items = items(value);
        List<Map<String, String>> policies = policyHeader.map(RateLimitHeaders::items).orElse(List.of());
        Map<String, String> dictionary = new LinkedHashMap<>();
        items.forEach(item -> item.forEach(dictionary::putIfAbsent));
        if (dictionary.containsKey("limit") && dictionary.containsKey("remaining")) {
            Optional<Duration> window = policyHeader.flatMap(RateLimitHeaders::window);
            return quota(number(dictionary.get("limit")), number(dictionary.get("remaining")),
                    Optional.ofNullable(dictionary.get("reset")).flatMap(v -> resetIn(v, now)), window,
                    ServerQuota.Format.RATELIMIT_FIELD);
        }
        ServerQuota best = null;
        for (Map<String, String> item : items) {
            String name = item.getOrDefault("", "");
            Map<String, String> policy = policies.stream().filter(p -> name.equals(p.getOrDefault("", "")))
                    .findFirst().orElse(Map.of());
            Optional<Long> quotaN = number(policy.get("q"));
            Optional<Duration> window = number(policy.get("w")).filter(w -> w > 0).map(Duration::ofSeconds);
            Optional<ServerQuota> q = quota(quotaN, number(item.get("r")),
                    Optional.ofNullable(item.get("t")).flatMap(v -> resetIn(v, now)), window,
                    ServerQuota.Format.RATELIMIT_FIELD);
            if (q.isPresent() && (best == null
                    || (double) q.get().remaining() / q.get().limit() < (double) best.remaining() / best.limit())) {
                best = q.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Splits a structured field into members (by commas) and each member into parameters (by semicolons). A bare
     * first token (a quoted name or a number) is stored under the key {@code ""}; {@code key=value} pairs under
     * their key, quotes removed.
     */
    private static List<Map<String, String>> items(String field) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String member : field.split(",", 32)) {
            Map<String, String> params = new LinkedHashMap<>();
            String[] parts = member.split(";", 16);
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].trim();
                int eq = p.indexOf('=');
                if (eq < 0) {
                    if (i == 0) {
                        params.put("", unquote(p));
                    }
                } else {
                    params.putIfAbsent(p.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT),
                            unquote(p.substring(eq + 1).trim()));
                }
            }
            out.add(params);
        }
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Optional<Long> number(String value) {
        return value != null && NUMBER.matcher(value.trim()).matches()
                ? Optional.of(Long.parseLong(value.trim())) : Optional.empty();
    }

    static Optional<Duration> resetIn(String value, Instant now) {
        String v = value.trim();
        Optional<Long> number = number(v);
        Duration d;
        if (number.isPresent()) {
            long n = number.get();
            d = n < EPOCH_THRESHOLD ? Duration.ofSeconds(n) : Duration.between(now, Instant.ofEpochSecond(n));
        } else {
            try {
                d = Duration.between(now, OffsetDateTime.parse(v).toInstant());
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
        return number(value.split("[,;]", 2)[0]);
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
