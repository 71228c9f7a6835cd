package dev.scout.crawler.platform.meta;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GraphUsageTest {

    private static GraphUsage parse(Map<String, String> headers) {
        return GraphUsage.parse(name -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst());
    }

    @Test
    void takesTheHighestOfTheThreeAppUsagePercentages() {
        GraphUsage u = parse(Map.of("x-app-usage", "{\"call_count\":28,\"total_time\":25,\"total_cputime\":31}"));

        assertThat(u.percent()).hasValue(31);
        assertThat(u.regainAccessIn()).isZero();
    }

    @Test
    void readsEveryBusinessUseCaseEntryAndItsWaitInMinutes() {
        GraphUsage u = parse(Map.of("X-Business-Use-Case-Usage", "{\"1784140\":[{\"type\":\"instagram\",\"call_count\":85,"
                + "\"total_cputime\":10,\"total_time\":12,\"estimated_time_to_regain_access\":0}],"
                + "\"1122\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":5,\"total_time\":5,"
                + "\"estimated_time_to_regain_access\":12}]}",
                "X-App-Usage", "{\"call_count\":40,\"total_time\":1,\"total_cputime\":1}"));

        assertThat(u.percent()).hasValue(100);
        assertThat(u.regainAccessIn()).isEqualTo(Duration.ofMinutes(12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"call_count\":\"85\"}", "{\"call_count\":-3}",
            "{\"call_count\":1e300}", "{\"call_count\":85", "null"})
    void malformedHeadersSayNothing(String value) {
        assertThat(parse(Map.of("X-App-Usage", value)).percent()).isEmpty();
    }

    @Test
    void noHeadersMeansUnknownUsage() {
        assertThat(GraphUsage.parse(name -> Optional.empty())).isEqualTo(GraphUsage.NONE);
    }
}
