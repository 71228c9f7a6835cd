package dev.scout.simnet.bluesky;

import dev.scout.simnet.http.RateDecision;
import dev.scout.simnet.http.RateLimitStyle;
import dev.scout.simnet.http.SimResponse;

/**
 * The xrpc-server rate limiter's behaviour (reference §2.7, §7.2): {@code RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset} (Unix epoch seconds) and {@code -Policy} ({@code limit;w=seconds}); on 429 also
 * {@code Retry-After} in whole seconds and the body {@code {"error":"RateLimitExceeded",...}}.
 */
final class BlueskyRateLimit implements RateLimitStyle {

    private static final String EXPOSED = "RateLimit-Limit, RateLimit-Reset, RateLimit-Remaining, RateLimit-Policy";

    @Override
    public boolean applies(String path) {
        return path.startsWith("/xrpc/");
    }

    @Override
    public SimResponse decorate(SimResponse response, RateDecision d) {
        boolean limited = response.status() == 429;
        return response.withHeader("RateLimit-Limit", Integer.toString(d.limit()))
                .withHeader("RateLimit-Remaining", Integer.toString(d.remaining()))
                .withHeader("RateLimit-Reset", Long.toString(d.reset().getEpochSecond()))
                .withHeader("RateLimit-Policy", d.limit() + ";w=" + Math.max(1, d.window().toSeconds()))
                .withHeader("Access-Control-Expose-Headers", limited ? EXPOSED + ", Retry-After" : EXPOSED);
    }

    @Override
    public SimResponse rejection(RateDecision d) {
        long seconds = Math.max(1, (d.retryIn().toMillis() + 999) / 1000);
        return SimResponse.json(429, "{\"error\":\"RateLimitExceeded\",\"message\":\"Rate Limit Exceeded\"}")
                .withHeader("Retry-After", Long.toString(seconds));
    }
}
