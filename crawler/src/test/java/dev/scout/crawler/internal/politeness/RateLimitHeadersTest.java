package dev.scout.crawler.internal.politeness;

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

    @Test
    void readsResetAsSecondsUntilTheBucketIsFull() {
        ServerQuota q = parse(Map.of("X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "3",
                "X-RateLimit-Reset", "1")).orElseThrow();

        assertThat(q).isEqualTo(new ServerQuota(10, 3, Duration.ofSeconds(1), Optional.empty(),
                ServerQuota.Format.X_RATELIMIT));
    }

    @Test
    void readsXRateLimitResetAsEpochSeconds() {
        assertThat(parse(Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "59",
                "X-RateLimit-Reset", String.valueOf(NOW.getEpochSecond() + 3600))))
                .map(ServerQuota::resetIn).contains(Duration.ofHours(1));
    }

    @Test
    void readsGitHubUsedWhenRemainingIsMissing() {
        ServerQuota q = parse(Map.of("x-ratelimit-limit", "5000", "x-ratelimit-used", "1200",
                "x-ratelimit-reset", String.valueOf(NOW.getEpochSecond() + 600), "x-ratelimit-resource", "core"))
                .orElseThrow();

        assertThat(q.remaining()).isEqualTo(3800);
        assertThat(q.resetIn()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void readsTwitterStyleHyphenatedRateLimitHeaders() {
        assertThat(parse(Map.of("x-rate-limit-limit", "900", "x-rate-limit-remaining", "899",
                "x-rate-limit-reset", String.valueOf(NOW.getEpochSecond() + 900))))
                .map(ServerQuota::remaining).contains(899L);
    }

    @Test
    void readsIetfDraft07DictionaryField() {
        ServerQuota q = parse(Map.of("RateLimit", "limit=100, remaining=42, reset=7",
                "RateLimit-Policy", "100;w=60")).orElseThrow();

        assertThat(q).isEqualTo(new ServerQuota(100, 42, Duration.ofSeconds(7), Optional.of(Duration.ofSeconds(60)),
                ServerQuota.Format.RATELIMIT_FIELD));
        assertThat(q.statedRate()).hasValueSatisfying(r -> assertThat(r).isCloseTo(100 / 60.0,
                org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void readsIetfDraft08NamedItemsAndTakesThePolicyClosestToExhaustion() {
        ServerQuota q = parse(Map.of("RateLimit", "\"burst\";r=40;t=1, \"day\";r=100;t=3600",
                "RateLimit-Policy", "\"burst\";q=50;w=5, \"day\";q=1000;w=86400")).orElseThrow();

        // 100 of 1,000 left for the day is closer to exhaustion than 40 of 50 for the burst.
        assertThat(q).isEqualTo(new ServerQuota(1000, 100, Duration.ofHours(1), Optional.of(Duration.ofDays(1)),
                ServerQuota.Format.RATELIMIT_FIELD));
    }

    @Test
    void ietfDraft08ItemWithoutAMatchingPolicyIsIgnored() {
        assertThat(parse(Map.of("RateLimit", "\"default\";r=5;t=3", "RateLimit-Policy", "\"other\";q=10;w=1")))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";;;", "\"x\";r=;t=", "limit=abc, remaining=1, reset=2", "\"", "=,=,="})
    void ignoresHostileStructuredFields(String value) {
        assertThat(parse(Map.of("RateLimit", value, "RateLimit-Policy", "\"x\";q=10;w=1"))).isEmpty();
    }
}
