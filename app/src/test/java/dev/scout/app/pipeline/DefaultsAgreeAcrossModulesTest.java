package dev.scout.app.pipeline;

import dev.scout.config.ConfigLoader;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.engine.CrawlSettings;
import dev.scout.scorer.ScoringSettings;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17.4: a module's own defaults ({@link CrawlSettings#defaults()}, {@link ScoringSettings#defaults()}, used by
 * tests and by {@code scout score} without a config) are the settings a scout.yaml that sets nothing maps to. Every
 * record component is compared, so a setting added later is checked too; the few that differ by design are listed
 * with the reason.
 */
class DefaultsAgreeAcrossModulesTest {
    private static final ScoutConfig NOTHING_SET = new ConfigLoader(name -> Optional.empty())
            .load("niche: {name: plant-based cooking}\nseeds: [mastodon:ana@fika.example]\n", "scout.yaml");

    @Test
    void crawlSettingsDefaultsAreWhatAnEmptyConfigMapsTo() {
        Map<String, String> byDesign = Map.of(
                "workerThreads", "sized from crawl.maxInFlightTotal by the app",
                "maxWorkersPerHost", "sized from crawl.maxInFlightPerHost by the app");

        assertThat(differences(CrawlSettings.defaults(), Settings.crawl(NOTHING_SET), byDesign)).isEmpty();
        assertThat(CrawlSettings.defaults().hashtagPages()).isEqualTo(10);
    }

    @Test
    void scoringSettingsDefaultsAreWhatAnEmptyConfigMapsTo() {
        ScoringSettings fromConfig = Settings.scoring(NOTHING_SET);

        assertThat(differences(ScoringSettings.defaults(fromConfig.niche()), fromConfig, Map.of())).isEmpty();
    }

    private static List<String> differences(Record moduleDefault, Record fromConfig, Map<String, String> byDesign) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : moduleDefault.getClass().getRecordComponents()) {
            if (byDesign.containsKey(c.getName())) {
                continue;
            }
            Object a = read(c, moduleDefault);
            Object b = read(c, fromConfig);
            if (!a.equals(b)) {
                out.add(c.getName() + ": module default " + a + ", from the config defaults " + b);
            }
        }
        return out;
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot read " + c.getName(), e);
        }
    }
}
