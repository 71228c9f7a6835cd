package dev.scout.config;

import dev.scout.model.ProfileRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A complete, validated Scout configuration: what {@link ConfigLoader} makes of a {@code scout.yaml}.
 *
 * <p>Immutable and thread-safe. Every value has been checked and every default applied; secrets are masked in
 * {@link #toString()}. Build it with {@link ConfigLoader}; the canonical constructor checks only nullness.
 *
 * @param niche     the niche being scouted
 * @param seeds     profiles to start from, parsed and without duplicates
 * @param platforms per-platform settings
 * @param crawl     how to fetch
 * @param discovery how to find candidates
 * @param scoring   gates, weights and prices
 * @param output    where and what to write
 * @param store     where the database lives
 * @param hubspot   the HubSpot export
 */
public record ScoutConfig(NicheConfig niche, List<ProfileRef> seeds, PlatformsConfig platforms, CrawlConfig crawl,
                          DiscoveryConfig discovery, ScoringConfig scoring, OutputConfig output, StoreConfig store,
                          HubSpotConfig hubspot) {
    public ScoutConfig {
        Objects.requireNonNull(niche, "niche");
        seeds = List.copyOf(seeds);
        Objects.requireNonNull(platforms, "platforms");
        Objects.requireNonNull(crawl, "crawl");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(hubspot, "hubspot");
    }

    /** This configuration with other crawl settings. */
    public ScoutConfig withCrawl(CrawlConfig c) {
        return new ScoutConfig(niche, seeds, platforms, c, discovery, scoring, output, store, hubspot);
    }

    /** This configuration with another output directory (for {@code --out DIR}); {@code dir} is made absolute. */
    public ScoutConfig withOutputDir(Path dir) {
        OutputConfig o = new OutputConfig(dir.toAbsolutePath().normalize(), output.formats(), output.csvBom());
        return new ScoutConfig(niche, seeds, platforms, crawl, discovery, scoring, o, store, hubspot);
    }
}
