package dev.scout.simnet.bluesky;

import dev.scout.model.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scout.simnet.Http;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlueskyRateLimitTest {

    @Test
    void sendsEpochResetAndPolicyThen429WithRetryAfter() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:03Z"));
        try (SimulatedNetwork network = SimulatedNetwork.start(SimConfig.builder().size(200).clock(clock)
                .blueskyRateLimit(3, Duration.ofSeconds(60), true).referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build())) {
            String url = network.blueskyBaseUrl() + "/xrpc/app.bsky.actor.getProfile?actor=nobody.sky.example";
            for (int i = 1; i <= 3; i++) {
                Http.Reply r = Http.get(url);
                assertThat(r.header("RateLimit-Limit")).contains("3");
                assertThat(r.header("RateLimit-Remaining")).contains(Integer.toString(3 - i));
                assertThat(r.header("RateLimit-Reset")).contains(Long.toString(Instant.parse("2026-11-20T10:01:00Z").getEpochSecond()));
                assertThat(r.header("RateLimit-Policy")).contains("3;w=60");
            }
            Http.Reply limited = Http.get(url);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("error").asText()).isEqualTo("RateLimitExceeded");
            assertThat(limited.header("Retry-After")).contains("57");
            assertThat(network.requestsOverLimit()).containsEntry(SimulatedNetwork.BLUESKY, 1L);
        }
    }
}
