package dev.scout.simnet.mastodon;

import dev.scout.model.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.scout.simnet.Http;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MastodonRateLimitTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:02Z"));
    SimulatedNetwork network;

    @AfterEach
    void stop() {
        network.close();
    }

    SimulatedNetwork start(boolean advertise) {
        network = SimulatedNetwork.start(SimConfig.builder().size(200).clock(clock).rateLimit(5, Duration.ofSeconds(10), advertise)
                .referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build());
        return network;
    }

    @Test
    void advertisesTheBudgetThenAnswers429WithoutRetryAfterAndCountsIt() {
        String base = start(true).mastodonInstances().get(0).baseUrl();
        String url = base + "/api/v1/accounts/lookup?acct=nobody";
        for (int i = 1; i <= 5; i++) {
            Http.Reply r = Http.get(url);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("X-RateLimit-Limit")).contains("5");
            assertThat(r.header("X-RateLimit-Remaining")).contains(Integer.toString(5 - i));
            assertThat(r.header("X-RateLimit-Reset")).contains("2026-11-20T10:00:10.000000Z");
        }
        Http.Reply limited = Http.get(url);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).isEqualTo("{\"error\":\"Too many requests\"}");
        assertThat(limited.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(limited.header("Retry-After")).isEmpty();
        assertThat(limited.header("X-RateLimit-Remaining")).contains("0");
        assertThat(network.requestsOverLimit()).containsEntry("fika.example", 1L).containsEntry("fern.example", 0L);

        clock.advance(Duration.ofSeconds(8));
        Http.Reply next = Http.get(url);
        assertThat(next.status()).isEqualTo(404);
        assertThat(next.header("X-RateLimit-Remaining")).contains("4");
        assertThat(next.header("X-RateLimit-Reset")).contains("2026-11-20T10:00:20.000000Z");
    }

    @Test
    void robotsAndWebfingerAreNotRateLimited() {
        String base = start(true).mastodonInstances().get(0).baseUrl();
        for (int i = 0; i < 8; i++) {
            Http.Reply r = Http.get(base + "/robots.txt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isEmpty();
        }
        assertThat(network.requestsOverLimit().values()).containsOnly(0L);
        assertThat(network.requestCount()).isEqualTo(8);
    }

    @Test
    void silentLimitStillRejectsButSendsNoHeaders() {
        String base = start(false).mastodonInstances().get(1).baseUrl();
        for (int i = 0; i < 5; i++) {
            Http.Reply r = Http.get(base + "/api/v1/directory");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Remaining")).isEmpty();
        }
        assertThat(Http.get(base + "/api/v1/directory").status()).isEqualTo(429);
        assertThat(network.requestsOverLimit()).containsEntry("fern.example", 1L);
    }
}
