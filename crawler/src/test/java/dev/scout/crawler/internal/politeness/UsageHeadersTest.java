package dev.scout.crawler.internal.politeness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class UsageHeadersTest {

    private static Optional<UsageReport> parse(Map<String, String> headers) {
        Map<String, String> ci = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ci.putAll(headers);
        return UsageHeaders.parse(name -> Optional.ofNullable(ci.get(name)));
    }

    @Test
    void readsTheHighestPercentageOfXAppUsage() {
        assertThat(parse(Map.of("x-app-usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":31}")))
                .contains(new UsageReport(31, Optional.empty()));
    }

    @Test
    void readsBusinessUseCaseUsageWithTheTimeToRegainAccess() {
        String buc = "{\"17841400000000000\":[{\"type\":\"instagram\",\"call_count\":96,\"total_cputime\":10,"
                + "\"total_time\":12,\"estimated_time_to_regain_access\":3}],"
                + "\"17841400000000001\":[{\"type\":\"pages\",\"call_count\":4,\"estimated_time_to_regain_access\":0}]}";

        assertThat(parse(Map.of("X-Business-Use-Case-Usage", buc)))
                .contains(new UsageReport(96, Optional.of(Duration.ofMinutes(3))));
    }

    @Test
    void bothHeadersTogetherReportTheHigherUsage() {
        assertThat(parse(Map.of("X-App-Usage", "{\"call_count\":70}",
                "X-Business-Use-Case-Usage", "{\"1\":[{\"type\":\"instagram\",\"call_count\":12}]}")))
                .map(UsageReport::percent).contains(70);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[1,2]", "{\"call_count\":", "42", "{\"call_count\":\"lots\"}"})
    void ignoresMalformedValuesWithoutThrowing(String value) {
        assertThat(parse(Map.of("X-App-Usage", value)).map(UsageReport::percent).orElse(0)).isZero();
    }

    @Test
    void absentHeadersMeanNoReport() {
        assertThat(parse(Map.of("Content-Type", "application/json"))).isEmpty();
    }
}
