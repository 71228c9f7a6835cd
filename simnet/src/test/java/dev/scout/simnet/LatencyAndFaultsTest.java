package dev.scout.simnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LatencyAndFaultsTest {

    static SimConfig.Builder base() {
        return SimConfig.builder().size(200).referenceTime(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void configuredLatencyDelaysEveryAnswer() {
        try (SimulatedNetwork network = SimulatedNetwork.start(base().latency(Duration.ofMillis(150)).build())) {
            String url = network.mastodonInstances().get(0).baseUrl() + "/api/v1/directory?limit=1";
            Http.get(url);
            long start = System.nanoTime();
            Http.Reply r = Http.get(url);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.status()).isEqualTo(200);
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(140);
        }
    }

    @Test
    void faultInjectionAnswersSomeApiRequestsWith503AndIsOffByDefault() {
        try (SimulatedNetwork network = SimulatedNetwork.start(base().faultRate(0.5).build())) {
            String url = network.mastodonInstances().get(0).baseUrl() + "/api/v1/directory?limit=1";
            int failures = 0;
            for (int i = 0; i < 40; i++) {
                Http.Reply r = Http.get(url);
                if (r.status() == 503) {
                    failures++;
                    assertThat(r.body()).isEqualTo("{\"error\":\"Remote data could not be fetched\"}");
                }
            }
            assertThat(failures).isBetween(8, 32);
        }
        try (SimulatedNetwork network = SimulatedNetwork.start(base().build())) {
            String url = network.mastodonInstances().get(0).baseUrl() + "/api/v1/directory?limit=1";
            for (int i = 0; i < 20; i++) {
                assertThat(Http.get(url).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void defaultsMatchTheDemoSettings() {
        SimConfig c = SimConfig.defaults();
        assertThat(c.size()).isEqualTo(1_200);
        assertThat(c.mastodonRateLimit()).contains(new RateLimitPolicy(300, Duration.ofSeconds(5), true));
        assertThat(c.faultRate()).isZero();
        assertThat(c.latency()).isZero();
    }
}
