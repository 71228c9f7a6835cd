package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scout.model.Platform;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultsTest {
    private final ScoutConfig c = Yaml.loader().load(Yaml.MINIMAL, "scout.yaml", Path.of("/work/project"));

    @Test
    void aMinimalConfigGetsTheDocumentedDefaults() {
        assertThat(c.niche()).isEqualTo(new NicheConfig("plant-based cooking", List.of(), List.of(), List.of()));
        assertThat(c.crawl()).isEqualTo(Defaults.crawl());
        assertThat(c.discovery()).isEqualTo(Defaults.discovery());
        assertThat(c.scoring()).isEqualTo(Defaults.scoring());
    }

    @Test
    void defaultValuesAreTheOnesInTheBrief() {
        CrawlConfig crawl = c.crawl();
        assertThat(crawl.postsPerProfile()).isEqualTo(40);
        assertThat(crawl.maxProfiles()).isEqualTo(500);
        assertThat(crawl.userAgent()).startsWith("ScoutBot/").endsWith("(+https://github.com/scout-oss/scout; scout@scout.example)");
        assertThat(crawl.allowPrivateAddresses()).isFalse();
        assertThat(crawl.maxInFlightPerHost()).isEqualTo(2);
        assertThat(crawl.maxInFlightTotal()).isEqualTo(16);
        assertThat(crawl.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(crawl.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(crawl.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(crawl.maxBodySize()).isEqualTo(new DataSize(5L * 1024 * 1024));
        assertThat(crawl.maxRedirects()).isEqualTo(5);
        assertThat(crawl.retry()).isEqualTo(new RetryConfig(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(2)));
        assertThat(crawl.circuitBreaker()).isEqualTo(new CircuitBreakerConfig(50, 10, Duration.ofSeconds(30)));
        assertThat(crawl.cacheSize()).isEqualTo(new DataSize(64L * 1024 * 1024));
        assertThat(crawl.refreshAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(crawl.followerSampleSize()).isEqualTo(80);
        assertThat(crawl.crawlDelayCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(crawl.learnedRateMaxAge()).isEqualTo(Duration.ofDays(1));

        assertThat(c.discovery()).isEqualTo(new DiscoveryConfig(500, 2, 10, false));

        ScoringConfig s = c.scoring();
        assertThat(s.followers()).isEqualTo(new ScoringConfig.Followers(1000, 100_000));
        assertThat(s.niche().minShare()).isEqualTo(0.30);
        assertThat(s.engagement().minGrade()).isEqualTo(EngagementGrade.ABOVE_AVERAGE);
        assertThat(s.sponsorship()).isEqualTo(new ScoringConfig.Sponsorship(0.20, 3));
        assertThat(s.authenticity().minAudienceRealPct()).isEqualTo(75);
        assertThat(s.weights()).isEqualTo(new ScoringConfig.Weights(0.35, 0.25, 0.20, 0.20));
        assertThat(s.pricing()).isEmpty();
    }

    @Test
    void platformDefaults() {
        PlatformsConfig p = c.platforms();
        assertThat(p.mastodon()).isEqualTo(new MastodonConfig(true, 1.0, List.of()));
        assertThat(p.bluesky()).isEqualTo(new BlueskyConfig(false, URI.create("https://public.api.bsky.app"), 5.0));
        assertThat(p.youtube()).isEqualTo(new YoutubeConfig(false, java.util.Optional.empty(),
                URI.create("https://www.googleapis.com/youtube/v3"), 10_000, 5.0));
        assertThat(p.web()).isEqualTo(new WebConfig(true, 0.5, false, ""));
        assertThat(p.enabled(Platform.MASTODON)).isTrue();
        assertThat(p.enabled(Platform.BLUESKY)).isFalse();
    }

    @Test
    void outputStoreAndHubspotDefaultsResolveAgainstTheConfigDirectory() {
        assertThat(c.output()).isEqualTo(new OutputConfig(Path.of("/work/project/out"),
                List.of(OutputFormat.CSV, OutputFormat.JSONL, OutputFormat.REPORT), false));
        assertThat(c.store().file()).contains(Path.of("/work/project/scout.db"));
        assertThat(c.hubspot()).isEqualTo(new HubSpotConfig(java.util.Optional.empty(),
                URI.create("https://api.hubapi.com"), "contacts", "scout_id", 90));
    }

    @Test
    void theVersionInTheUserAgentComesFromTheBuild() {
        assertThat(Defaults.VERSION).isNotBlank().doesNotContain("${");
        assertThat(Defaults.USER_AGENT).contains("ScoutBot/" + Defaults.VERSION + " ");
    }
}
