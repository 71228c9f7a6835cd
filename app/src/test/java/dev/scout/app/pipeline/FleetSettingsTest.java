package dev.scout.app.pipeline;

import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A fleet worker runs as many crawl threads as its hosts have seats, no more. */
class FleetSettingsTest {
    private static ScoutConfig config(int perHost, int total) {
        return new ConfigLoader(name -> Optional.empty()).load("niche: {name: plant-based cooking}\n"
                + "seeds: [mastodon:ana@fika.example]\n"
                + "crawl: {maxInFlightPerHost: " + perHost + ", maxInFlightTotal: " + total + "}\n", "scout.yaml");
    }

    @Test
    void concurrencyIsCappedAtTheSeatsOfTheHostsTheWorkerMayHold() {
        ScoutConfig fitted = FleetSettings.defaults("m").withMaxHosts(2).fitted(config(2, 16));

        assertThat(fitted.crawl().maxInFlightTotal()).isEqualTo(4);
        assertThat(Settings.crawl(fitted).workerThreads()).isEqualTo(4);
        assertThat(fitted.crawl().maxInFlightPerHost()).isEqualTo(2);
    }

    @Test
    void aSmallerConfiguredConcurrencyIsKept() {
        ScoutConfig loaded = config(2, 6);

        assertThat(FleetSettings.defaults("m").withMaxHosts(8).fitted(loaded)).isSameAs(loaded);
    }

    @Test
    void everythingButTheConcurrencyIsUnchanged() {
        ScoutConfig loaded = config(1, 16);
        ScoutConfig fitted = FleetSettings.defaults("m").withMaxHosts(3).fitted(loaded);

        assertThat(fitted.crawl().withMaxInFlightTotal(16)).isEqualTo(loaded.crawl());
        assertThat(fitted.withCrawl(loaded.crawl())).isEqualTo(loaded);
    }
}
