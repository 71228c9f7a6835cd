package dev.scout.simnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    static SimConfig config(long seed) {
        return SimConfig.builder().seed(seed).size(300).noRateLimit().referenceTime(Instant.parse("2026-11-20T00:00:00Z")).build();
    }

    /** Responses with the host's own base URLs replaced, so two runs on different ports can be compared. */
    static List<String> sample(SimulatedNetwork n) {
        MastodonInstance fika = n.mastodonInstances().get(0);
        List<String> urls = List.of(
                "/api/v1/timelines/tag/vegan?limit=40",
                "/api/v1/directory?limit=80",
                "/api/v1/timelines/tag/running?limit=40");
        return urls.stream().map(u -> normalise(n, Http.get(fika.baseUrl() + u).body())).toList();
    }

    static String normalise(SimulatedNetwork n, String body) {
        String out = body;
        for (int i = 0; i < n.mastodonInstances().size(); i++) {
            out = out.replace(n.mastodonInstances().get(i).baseUrl(), "BASE" + i);
        }
        return out;
    }

    @Test
    void sameSeedGivesIdenticalResponsesAndGroundTruth() {
        try (SimulatedNetwork a = SimulatedNetwork.start(config(7)); SimulatedNetwork b = SimulatedNetwork.start(config(7))) {
            assertThat(sample(a)).isEqualTo(sample(b));
            assertThat(a.groundTruth().stream().filter(id -> !id.startsWith("web:")).toList())
                    .isEqualTo(b.groundTruth().stream().filter(id -> !id.startsWith("web:")).toList());
        }
    }

    @Test
    void differentSeedGivesDifferentResponses() {
        try (SimulatedNetwork a = SimulatedNetwork.start(config(7)); SimulatedNetwork b = SimulatedNetwork.start(config(8))) {
            assertThat(sample(a)).isNotEqualTo(sample(b));
        }
    }

    @Test
    void invalidSettingsAreReportedTogether() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimConfig.builder().size(5).faultRate(2)
                        .mastodonDomains(List.of("mastodon.social")).rateLimit(0, java.time.Duration.ZERO, true).build())
                .isInstanceOf(InvalidSimConfigException.class)
                .satisfies(e -> assertThat(((InvalidSimConfigException) e).problems()).hasSize(5))
                .hasMessageContaining("size: must be between 200 and 150000 (got 5)")
                .hasMessageContaining("'mastodon.social' must be a lower-case *.example name");
    }
}
