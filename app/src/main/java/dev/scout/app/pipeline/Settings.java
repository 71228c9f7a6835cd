package dev.scout.app.pipeline;

import dev.scout.config.CrawlConfig;
import dev.scout.config.MastodonInstance;
import dev.scout.config.NicheConfig;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.engine.CrawlSettings;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.HostKey;
import dev.scout.crawler.http.HostPolicy;
import dev.scout.scorer.InvalidScoringSettingsException;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.PriceRange;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.niche.NicheDefinition;
import dev.scout.scorer.niche.NicheTaxonomy;
import dev.scout.store.StoreOptions;
import dev.scout.store.TextRetention;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the validated {@code scout.yaml} onto each module's own settings. The only place that knows both sides, so a
 * config key and the behaviour it controls can be traced here.
 */
public final class Settings {
    private Settings() {
    }

    /** Fetcher settings from {@code crawl.*} plus per-host rates from {@code platforms.*}. */
    public static FetcherSettings fetcher(ScoutConfig config) {
        CrawlConfig c = config.crawl();
        Map<String, HostPolicy> perHost = new HashMap<>();
        for (MastodonInstance i : config.platforms().mastodon().instances()) {
            perHost.put(HostKey.of(i.url()), new HostPolicy(i.requestsPerSecond(), c.maxInFlightPerHost()));
        }
        if (config.platforms().bluesky().enabled()) {
            perHost.put(HostKey.of(config.platforms().bluesky().baseUrl()),
                    new HostPolicy(config.platforms().bluesky().requestsPerSecond(), c.maxInFlightPerHost()));
        }
        if (config.platforms().youtube().enabled()) {
            perHost.put(HostKey.of(config.platforms().youtube().baseUrl()),
                    new HostPolicy(config.platforms().youtube().requestsPerSecond(), c.maxInFlightPerHost()));
        }
        // Instagram and Threads: the host pacer reads Meta's usage headers and keeps usage under usageCeilingPct.
        if (config.platforms().instagram().enabled()) {
            perHost.put(HostKey.of(config.platforms().instagram().baseUrl()),
                    new HostPolicy(config.platforms().instagram().requestsPerSecond(), c.maxInFlightPerHost(),
                            java.util.OptionalDouble.of(config.platforms().instagram().usageCeilingPct())));
        }
        if (config.platforms().threads().enabled()) {
            perHost.put(HostKey.of(config.platforms().threads().baseUrl()),
                    new HostPolicy(config.platforms().threads().requestsPerSecond(), c.maxInFlightPerHost(),
                            java.util.OptionalDouble.of(config.platforms().threads().usageCeilingPct())));
        }
        Map<String, HostPolicy> policies = Map.copyOf(perHost);
        double webRate = config.platforms().web().requestsPerSecond();
        return FetcherSettings.builder()
                .userAgent(c.userAgent())
                .allowPrivateAddresses(c.allowPrivateAddresses())
                .connectTimeout(c.connectTimeout())
                .readTimeout(c.readTimeout())
                .callTimeout(c.callTimeout())
                .maxInFlightPerHost(c.maxInFlightPerHost())
                .maxInFlightTotal(c.maxInFlightTotal())
                // Hosts without a policy of their own are profile pages or instances found through WebFinger: the web rate.
                .requestsPerSecond(webRate)
                .hostPolicies(host -> Optional.ofNullable(policies.get(host)))
                .maxBodyBytes(c.maxBodySize().bytes())
                .maxRedirects(c.maxRedirects())
                .retry(new FetcherSettings.RetrySettings(c.retry().maxAttempts(), c.retry().initialBackoff(),
                        c.retry().maxBackoff(), c.retry().maxTotalDelay()))
                .circuit(new FetcherSettings.CircuitSettings(c.circuitBreaker().failureRateThreshold(),
                        c.circuitBreaker().minimumCalls(), c.circuitBreaker().openFor()))
                // The memory tier takes at most an eighth of the heap: the store tier keeps the rest across runs.
                .cacheMaxBytes(Math.min(c.cacheSize().bytes(), Runtime.getRuntime().maxMemory() / 8))
                .crawlDelayCap(c.crawlDelayCap())
                .rateLimitWaitCap(c.rateLimitWaitCap())
                .learnedRateMaxAge(c.learnedRateMaxAge())
                .build();
    }

    /**
     * Store options of a run from {@code store.*}: the text retention ({@code store.postText}), the run's clock, and
     * the store's lock (a run is the store's only writer; a second run on it is refused).
     */
    public static StoreOptions store(ScoutConfig config, java.time.Clock clock) {
        return store(config, clock, true);
    }

    /** {@link #store(ScoutConfig, java.time.Clock)}, shared ({@code exclusive} false) by the workers of a fleet. */
    public static StoreOptions store(ScoutConfig config, java.time.Clock clock, boolean exclusive) {
        var postText = config.store().postText();
        TextRetention retention = switch (postText.mode()) {
            case KEEP -> TextRetention.keep();
            case NONE -> TextRetention.none();
            case DROP_AFTER_DAYS -> TextRetention.dropAfterDays(postText.days());
        };
        return StoreOptions.builder().clock(clock).textRetention(retention).exclusive(exclusive).build();
    }

    /** Crawl engine settings from {@code crawl.*} and {@code discovery.*}. */
    public static CrawlSettings crawl(ScoutConfig config) {
        CrawlSettings d = CrawlSettings.defaults();
        int workers = Math.max(2, Math.min(32, config.crawl().maxInFlightTotal()));
        return new CrawlSettings(
                config.crawl().postsPerProfile(),
                Math.min(config.crawl().maxProfiles(), config.discovery().maxProfiles()),
                config.discovery().depth(),
                config.discovery().hashtagPages(),
                config.crawl().followerSampleSize(),
                workers,
                Math.max(1, config.crawl().maxInFlightPerHost() * 2),
                d.lease(),
                d.maxAttempts(),
                d.retryDelay());
    }

    /** Scorer settings from {@code scoring.*} and {@code niche.*}. */
    public static ScoringSettings scoring(ScoutConfig config) {
        var s = config.scoring();
        var b = ScoringSettings.builder()
                .followersMin(s.followers().min())
                .followersMax(s.followers().max())
                .postsWindow(config.crawl().postsPerProfile())
                .minNicheShare(s.niche().minShare())
                .maxSponsoredShare(s.sponsorship().maxShare())
                .maxBrands(s.sponsorship().maxDistinctBrands())
                .minAudienceRealPct(s.authenticity().minAudienceRealPct())
                .minEngagementGrade(s.engagement().minGrade().key())
                .weights(new ScoringSettings.Weights(s.weights().engagement(), s.weights().niche(),
                        s.weights().sponsorship(), s.weights().authenticity()))
                .niche(niche(config.niche()));
        s.pricing().forEach((platform, tiers) -> tiers.forEach((tier, range) ->
                b.price(platform.key() + "." + tier.key(), PriceRange.of(range.min(), range.max()))));
        return b.build();
    }

    /**
     * The target niche: its own keywords and hashtags plus those of every shipped niche named in
     * {@code niche.taxonomy}.
     *
     * @throws InvalidScoringSettingsException when a {@code niche.taxonomy} id names no shipped niche
     */
    static NicheSpec niche(NicheConfig n) {
        if (n.taxonomy().isEmpty()) {
            return new NicheSpec(n.name(), n.keywords(), n.hashtags());
        }
        NicheTaxonomy shipped = NicheTaxonomy.load();
        Set<String> keywords = new LinkedHashSet<>(n.keywords());
        Set<String> hashtags = new LinkedHashSet<>(n.hashtags());
        for (int i = 0; i < n.taxonomy().size(); i++) {
            String id = n.taxonomy().get(i);
            String key = "niche.taxonomy[" + i + "]";
            NicheDefinition d = shipped.niches().stream().filter(x -> x.id().equals(id)).findFirst()
                    .orElseThrow(() -> new InvalidScoringSettingsException(key,
                            id, "must be the id of a shipped niche: " + shipped.niches().stream()
                                    .map(NicheDefinition::id).collect(Collectors.joining(", "))));
            keywords.addAll(d.keywords());
            hashtags.addAll(d.hashtags());
        }
        return new NicheSpec(n.name(), List.copyOf(keywords), List.copyOf(hashtags));
    }

    /** Niche terms for discovery. */
    public static dev.scout.crawler.discovery.NicheTerms nicheTerms(ScoutConfig config) {
        return dev.scout.crawler.discovery.NicheTerms.of(config.niche().hashtags(), config.niche().keywords());
    }

    static List<dev.scout.crawler.platform.mastodon.MastodonInstance> mastodonInstances(ScoutConfig config) {
        return config.platforms().mastodon().instances().stream()
                .map(i -> new dev.scout.crawler.platform.mastodon.MastodonInstance(i.domain(), i.url()))
                .toList();
    }
}
