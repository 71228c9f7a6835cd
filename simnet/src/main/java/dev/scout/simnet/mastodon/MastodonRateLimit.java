package dev.scout.simnet.mastodon;

import dev.scout.simnet.http.RateDecision;
import dev.scout.simnet.http.RateLimitStyle;
import dev.scout.simnet.http.SimResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Mastodon's Rack::Attack behaviour (reference §1.6, §7.1): {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} (ISO 8601, six fraction digits, UTC) on every {@code /api/} response; over the limit a 429 with
 * {@code {"error":"Too many requests"}} and no {@code Retry-After}.
 */
final class MastodonRateLimit implements RateLimitStyle {

    static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public boolean applies(String path) {
        return path.startsWith("/api/");
    }

    @Override
    public SimResponse decorate(SimResponse response, RateDecision d) {
        return response.withHeader("X-RateLimit-Limit", Integer.toString(d.limit()))
                .withHeader("X-RateLimit-Remaining", Integer.toString(d.remaining()))
                .withHeader("X-RateLimit-Reset", RESET.format(d.reset()));
    }

    @Override
    public SimResponse rejection(RateDecision d) {
        return SimResponse.json(429, "{\"error\":\"Too many requests\"}");
    }
}
