package dev.scout.config.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.config.CrawlConfig;
import dev.scout.config.Defaults;
import dev.scout.config.DiscoveryConfig;
import dev.scout.config.HubSpotConfig;
import dev.scout.config.NicheConfig;
import dev.scout.config.OutputConfig;
import dev.scout.config.PlatformsConfig;
import dev.scout.config.ScoringConfig;
import dev.scout.config.ScoutConfig;
import dev.scout.config.StoreConfig;
import dev.scout.model.ProfileRef;
import java.nio.file.Path;
import java.util.List;

/**
 * Walks a parsed {@code scout.yaml} tree into a {@link ScoutConfig}, section by section, recording every problem.
 * The result is meaningful only when no problem was recorded.
 */
public final class ConfigBinder {
    private ConfigBinder() {
    }

    /**
     * @param tree    the parsed document
     * @param scalars typed reads, with the problem list and environment
     * @param baseDir the directory relative paths resolve against
     */
    public static ScoutConfig bind(JsonNode tree, Scalars scalars, Path baseDir) {
        Section root = Section.of("", tree, scalars);
        NicheConfig niche = NicheBinder.bind(root);
        PlatformsConfig platforms = PlatformsBinder.bind(root);
        List<ProfileRef> seeds = SeedsBinder.bind(root, platforms);
        CrawlConfig crawl = CrawlBinder.bind(root);
        DiscoveryConfig discovery = discovery(root.section("discovery"));
        ScoringConfig scoring = ScoringBinder.bind(root);
        OutputConfig output = OutputBinder.output(root, baseDir);
        StoreConfig store = OutputBinder.store(root, baseDir);
        HubSpotConfig hubspot = OutputBinder.hubspot(root, output);
        root.finish();
        ScoutConfig config = new ScoutConfig(niche, seeds, platforms, crawl, discovery, scoring, output, store, hubspot);
        CrossChecks.check(root, config);
        return config;
    }

    private static DiscoveryConfig discovery(Section s) {
        DiscoveryConfig d = new DiscoveryConfig(
                s.integer("maxProfiles", Defaults.DISCOVERY_MAX_PROFILES, 1, Integer.MAX_VALUE),
                s.integer("depth", Defaults.DISCOVERY_DEPTH, 0, 5),
                s.integer("hashtagPages", Defaults.DISCOVERY_HASHTAG_PAGES, 0, 100),
                s.bool("useDirectory", false));
        s.finish();
        return d;
    }
}
