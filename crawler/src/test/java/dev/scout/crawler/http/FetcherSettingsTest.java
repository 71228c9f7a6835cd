package dev.scout.crawler.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FetcherSettingsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        FetcherSettings s = FetcherSettings.builder().build();

        assertThat(s.maxInFlightPerHost()).isEqualTo(2);
        assertThat(s.maxInFlightTotal()).isEqualTo(16);
        assertThat(s.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.maxRedirects()).isEqualTo(5);
        assertThat(s.retry()).isEqualTo(new FetcherSettings.RetrySettings(4, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMinutes(2)));
        assertThat(s.circuit()).isEqualTo(new FetcherSettings.CircuitSettings(50f, 10, Duration.ofSeconds(30)));
        assertThat(s.cacheMaxBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(s.crawlDelayCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.rateLimitWaitCap()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.allowPrivateAddresses()).isFalse();
        assertThat(s.robotsProductToken()).isEqualTo("scout");
    }

    @Test
    void reportsEveryBrokenRuleWithItsKeyAndValue() {
        assertThatThrownBy(() -> FetcherSettings.builder().userAgent("").maxInFlightPerHost(0).requestsPerSecond(-1)
                .callTimeout(Duration.ZERO).build())
                .isInstanceOfSatisfying(InvalidFetcherSettingsException.class, e -> assertThat(e.problems())
                        .hasSize(4)
                        .anySatisfy(p -> assertThat(p).contains("crawl.userAgent"))
                        .anySatisfy(p -> assertThat(p).contains("crawl.maxInFlightPerHost").contains("was 0"))
                        .anySatisfy(p -> assertThat(p).contains("platforms.web.requestsPerSecond").contains("-1"))
                        .anySatisfy(p -> assertThat(p).contains("crawl.callTimeout")));
    }

    @Test
    void hostPolicyOverridesTheDefaults() {
        FetcherSettings s = FetcherSettings.builder().hostPolicies(
                host -> host.startsWith("mastodon.social") ? Optional.of(new HostPolicy(0.5, 1)) : Optional.empty()).build();

        assertThat(s.policyFor("mastodon.social:443")).isEqualTo(new HostPolicy(0.5, 1));
        assertThat(s.policyFor("bsky.example:443")).isEqualTo(new HostPolicy(1.0, 2));
    }
}
