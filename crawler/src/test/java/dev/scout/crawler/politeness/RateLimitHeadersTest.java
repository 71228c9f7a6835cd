package dev.scout.crawler.politeness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitHeadersTest {
    private static final Instant NOW = Instant.parse("2026-05-28T16:45:00Z");

    private static Optional<ServerQuota> parse(Map<String, String> headers) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        return RateLimitHeaders.parse(name -> Optional.ofNullable(ci.get(name)), NOW);
    }

    @Test
    void readsMastodonHeadersWithIsoResetAndMicroseconds() {
        ServerQuota q = parse(Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "287",
                "X-RateLimit-Reset", "2026-05-28T16:50:00.000000Z")).orElseThrow();

        assertThat(q).isEqualTo(new ServerQuota(300, 287, Duration.ofMinutes(5), Optional.empty(),
                ServerQuota.Format.X_RATELIMIT));
    }

    @Test
    void readsBlueskyHeadersWithEpochResetAndPolicyWindow() {
        long reset = NOW.getEpochSecond() + 37;
        ServerQuota q = parse(Map.of("ratelimit-limit", "3000", "ratelimit-remaining", "2994",
                "ratelimit-reset", String.valueOf(reset), "ratelimit-policy", "3000;w=300")).orElseThrow();

        assertThat(q.resetIn()).isEqualTo(Duration.ofSeconds(37));
        assertThat(q.window()).contains(Duration.ofSeconds(300));
        assertThat(q.format()).isEqualTo(ServerQuota.Format.RATELIMIT);
    }

    @Test
    void readsDraftDeltaSecondsReset() {
        assertThat(parse(Map.of("RateLimit-Limit", "10", "RateLimit-Remaining", "0", "RateLimit-Reset", "12")))
                .map(ServerQuota::resetIn).contains(Duration.ofSeconds(12));
    }

    @Test
    void resetInThePastMeansNoWait() {
        assertThat(parse(Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "2026-05-28T16:40:00Z"))).map(ServerQuota::resetIn).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "-5", "99999999999999999999", "2026-13-45T99:00:00Z", "", "1e9"})
    void ignoresHostileResetValues(String reset) {
        assertThat(parse(Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", reset))).isEmpty();
    }

    @Test
    void ignoresAResetFurtherThanADayAway() {
        assertThat(parse(Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", "2027-05-28T16:40:00Z"))).isEmpty();
    }

    @Test
    void clampsRemainingIntoZeroToLimit() {
        assertThat(parse(Map.of("RateLimit-Limit", "10", "RateLimit-Remaining", "5000", "RateLimit-Reset", "3")))
                .map(ServerQuota::remaining).contains(10L);
    }

    @Test
    void absentHeadersMeanNoQuota() {
        assertThat(parse(Map.of("Content-Type", "application/json"))).isEmpty();
    }
}
