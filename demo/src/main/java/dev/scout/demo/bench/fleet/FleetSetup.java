package dev.scout.demo.bench.fleet;

import dev.scout.app.demo.SimulatedWorld;
import dev.scout.crawler.engine.Frontier;
import dev.scout.demo.bench.BenchException;
import dev.scout.demo.bench.BenchNiche;
import dev.scout.model.Platform;
import dev.scout.model.SeedParser;
import dev.scout.simnet.MastodonInstance;
import dev.scout.simnet.SimConfig;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.SimAccount;
import dev.scout.store.StoreOptions;
import dev.scout.store.postgres.PostgresLocation;
import dev.scout.store.postgres.PostgresStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one fleet measurement crawls: {@value #HOSTS} simulated Mastodon instances, each advertising the same
 * fixed-window budget ({@code X-RateLimit-*}), and the same number of profiles on each, all put in the frontier before
 * the workers start (no discovery, so every measurement crawls exactly these). Stateless.
 */
final class FleetSetup {
    static final int HOSTS = SimulatedWorld.FleetOptions.HOSTS;
    private static final Instant REFERENCE_TIME = Instant.parse("2026-11-20T00:00:00Z");
    private static final long SEED = 16;
    private static final int OFFER_CHUNK = 1_000;

    private FleetSetup() {
    }

    /** The simulated network: {@link #HOSTS} instances allowing {@code limit} requests per {@code window} each. */
    static SimConfig simConfig(int profiles, int limit, Duration window) {
        List<String> domains = new ArrayList<>();
        for (int i = 1; i <= HOSTS; i++) {
            domains.add("fleet" + i + ".example");
        }
        // About 3 in 5 generated accounts are on Mastodon, spread unevenly over the instances: twice the profiles
        // leaves every instance enough for its even share.
        int size = Math.max(SimConfig.MIN_SIZE, Math.min(SimConfig.MAX_SIZE, profiles * 2 + 400));
        return SimConfig.builder().seed(SEED).size(size).referenceTime(REFERENCE_TIME).mastodonDomains(domains)
                .rateLimit(limit, window, true).noBlueskyRateLimit().build();
    }

    /**
     * {@code profiles} Mastodon accounts as seeds, the same number on every instance (the first ones have one more
     * when it does not divide), so no host outlasts the others.
     *
     * @throws BenchException when an instance has too few accounts
     */
    static List<String> seeds(SimulatedNetwork sim, int profiles) {
        Map<String, List<String>> byDomain = new LinkedHashMap<>();
        sim.mastodonInstances().forEach(i -> byDomain.put(i.domain(), new ArrayList<>()));
        for (SimAccount a : sim.population().accounts()) {
            if (a.platform() == Platform.MASTODON && byDomain.containsKey(a.domain())) {
                byDomain.get(a.domain()).add(a.stableId(sim.webBaseUrl()));
            }
        }
        List<String> seeds = new ArrayList<>(profiles);
        int i = 0;
        for (Map.Entry<String, List<String>> e : byDomain.entrySet()) {
            int want = profiles / HOSTS + (i++ < profiles % HOSTS ? 1 : 0);
            if (e.getValue().size() < want) {
                throw new BenchException("the simulated instance " + e.getKey() + " has " + e.getValue().size()
                        + " accounts, fewer than the " + want + " asked for; ask for fewer --profiles");
            }
            seeds.addAll(e.getValue().subList(0, want));
        }
        return seeds;
    }

    /** Puts {@code seeds} in the frontier of the (fresh) store at {@code where}, at depth 0; returns how many. */
    static long fillFrontier(PostgresLocation where, List<String> seeds) {
        SeedParser parser = new SeedParser();
        long added = 0;
        try (PostgresStore store = PostgresStore.open(where, StoreOptions.builder().exclusive(false).build())) {
            for (int from = 0; from < seeds.size(); from += OFFER_CHUNK) {
                List<Frontier.Discovered> chunk = new ArrayList<>();
                for (String s : seeds.subList(from, Math.min(seeds.size(), from + OFFER_CHUNK))) {
                    chunk.add(new Frontier.Discovered(parser.parse(s), 0, "seed list"));
                }
                added += store.frontier().offer(chunk);
            }
            store.flush();
        }
        return added;
    }

    /**
     * The workers' config: the demo niche, only the simulated instances (each configured at {@code configuredRps},
     * above its advertised budget, so what binds is the limit the host advertises), no discovery.
     */
    static String yaml(SimulatedNetwork sim, int profiles, double configuredRps) {
        StringBuilder y = new StringBuilder();
        y.append(BenchNiche.YAML)
                .append("platforms:\n  mastodon:\n    enabled: true\n    instances:\n");
        for (MastodonInstance i : sim.mastodonInstances()) {
            y.append("      - url: \"").append(i.baseUrl()).append("\"\n        domain: ").append(i.domain())
                    .append("\n        requestsPerSecond: ").append(String.format(Locale.ROOT, "%.1f", configuredRps))
                    .append('\n');
        }
        y.append("  bluesky:\n    enabled: false\n  web:\n    enabled: false\n")
                .append("crawl:\n  postsPerProfile: 40\n  maxProfiles: ").append(profiles).append('\n')
                .append("  userAgent: \"ScoutBot/bench (+https://github.com/scout-oss/scout; scout@scout.example)\"\n")
                .append("  allowPrivateAddresses: true\n  maxInFlightPerHost: 2\n  maxInFlightTotal: 16\n")
                .append("  followerSampleSize: 80\n")
                .append("discovery:\n  maxProfiles: ").append(profiles).append('\n')
                .append("  depth: 0\n  hashtagPages: 0\n  useDirectory: false\n")
                .append("output:\n  formats: [csv]\n")
                .append("store: \"postgresql://unused.example/unused\"\n");
        return y.toString();
    }
}
