package dev.scout.simnet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scout.model.Platform;
import dev.scout.simnet.bluesky.BlueskyApi;
import dev.scout.simnet.http.FixedWindowLimiter;
import dev.scout.simnet.http.HostOptions;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.http.SimHost;
import dev.scout.simnet.instagram.GraphApi;
import dev.scout.simnet.instagram.GraphStats;
import dev.scout.simnet.mastodon.MastodonApi;
import dev.scout.simnet.mastodon.MastodonDirectory;
import dev.scout.simnet.population.GroundTruth;
import dev.scout.simnet.population.Niche;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.PopulationGenerator;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.web.ProfilePages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated social network: one loopback HTTP server per simulated host, serving a generated population in
 * the real platform formats, with the ground truth kept outside the API. Start it, hand the URLs to a crawler,
 * close it. Thread-safe; {@link #close()} stops every server and thread it started.
 */
public final class SimulatedNetwork implements AutoCloseable {

    /** Host name of the Bluesky AppView in {@link #requestCounts()} and {@link #requestsOverLimit()}. */
    public static final String BLUESKY = "bluesky";
    /** Host name of the profile-page site in {@link #requestCounts()} and {@link #requestsOverLimit()}. */
    public static final String WEB = "web";
    /** Host name of the Instagram Graph host (present when {@link SimConfig#instagramCallsPerHour()} is set). */
    public static final String INSTAGRAM = "instagram";

    private final SimConfig config;
    private final Population population;
    private final List<MastodonInstance> instances;
    private final Map<String, SimHost> hosts;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final LiveChanges changes;
    private final Optional<GraphApi> graph;

    private SimulatedNetwork(SimConfig config, Population population, List<MastodonInstance> instances,
                             Map<String, SimHost> hosts, ExecutorService executor, ScheduledExecutorService scheduler,
                             LiveChanges changes, Optional<GraphApi> graph) {
        this.changes = changes;
        this.graph = graph;
        this.config = config;
        this.population = population;
        this.instances = List.copyOf(instances);
        this.hosts = hosts;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    /**
     * Generates the population and starts every host on 127.0.0.1 with ephemeral ports.
     *
     * @throws java.io.UncheckedIOException when a port cannot be bound
     */
    public static SimulatedNetwork start(SimConfig config) {
        Instant reference = config.referenceTime().orElseGet(() -> config.clock().instant().truncatedTo(ChronoUnit.DAYS));
        Population population = new PopulationGenerator(config.seed(), config.size(), reference, config.mastodonDomains(),
                config.instagramCallsPerHour().isPresent()).generate();
        ExecutorService executor = Executors.newFixedThreadPool(4, named("simnet-http"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(named("simnet-latency"));
        ObjectMapper mapper = new ObjectMapper();
        Map<String, SimHost> hosts = new LinkedHashMap<>();
        List<MastodonInstance> instances = new ArrayList<>();
        LiveChanges changes = new LiveChanges();
        Optional<GraphApi> graph = Optional.empty();
        try {
            MastodonDirectory directory = new MastodonDirectory(population, changes);
            long faultSeed = config.seed();
            for (String domain : config.mastodonDomains()) {
                SimHost host = SimHost.start(domain, new MastodonApi(domain, directory, mapper),
                        config.mastodonRateLimit().map(p -> new FixedWindowLimiter(p.limit(), p.window(), config.clock())),
                        MastodonApi.rateLimitStyle(),
                        new HostOptions(config.latency(), config.faultRate(),
                                config.mastodonRateLimit().map(RateLimitPolicy::advertise).orElse(false), faultSeed++),
                        MastodonApi.fault(), executor, scheduler);
                directory.register(domain, host.baseUrl());
                hosts.put(domain, host);
                instances.add(new MastodonInstance(domain, host.baseUrl()));
            }
            hosts.put(BLUESKY, SimHost.start(BLUESKY, new BlueskyApi(population, mapper, changes),
                    config.blueskyRateLimit().map(p -> new FixedWindowLimiter(p.limit(), p.window(), config.clock())),
                    BlueskyApi.rateLimitStyle(),
                    new HostOptions(config.latency(), config.faultRate(),
                            config.blueskyRateLimit().map(RateLimitPolicy::advertise).orElse(false), faultSeed++),
                    BlueskyApi.fault(), executor, scheduler));
            ProfilePages pages = new ProfilePages(population, mapper, changes);
            SimHost web = SimHost.start(WEB, pages, Optional.empty(), ProfilePages.rateLimitStyle(),
                    new HostOptions(config.latency(), config.faultRate(), false, faultSeed),
                    ProfilePages.fault(), executor, scheduler);
            pages.register(web.baseUrl());
            hosts.put(WEB, web);
            if (config.instagramCallsPerHour().isPresent()) {
                GraphApi api = new GraphApi(population, mapper, changes, config.instagramCallsPerHour().getAsInt(),
                        config.clock());
                hosts.put(INSTAGRAM, SimHost.start(INSTAGRAM, api, Optional.empty(), GraphApi.rateLimitStyle(),
                        new HostOptions(config.latency(), 0, false, faultSeed + 1), GraphApi.fault(), executor,
                        scheduler));
                graph = Optional.of(api);
            }
        } catch (RuntimeException e) {
            hosts.values().forEach(SimHost::close);
            executor.shutdownNow();
            scheduler.shutdownNow();
            throw e;
        }
        return new SimulatedNetwork(config, population, instances, hosts, executor, scheduler, changes, graph);
    }

    /** The Mastodon instances, in configuration order. */
    public List<MastodonInstance> mastodonInstances() {
        return instances;
    }

    /** Base URL of the Bluesky AppView ({@code /xrpc/...}), {@code http://127.0.0.1:PORT}. */
    public String blueskyBaseUrl() {
        return hosts.get(BLUESKY).baseUrl();
    }

    /** Base URL of the public profile pages ({@code /u/<name>}, index at {@code /}), {@code http://127.0.0.1:PORT}. */
    public String webBaseUrl() {
        return hosts.get(WEB).baseUrl();
    }

    /** Base URL of the Instagram Graph host ({@code /vNN.N/...}); empty when Instagram is not simulated. */
    public Optional<String> instagramBaseUrl() {
        return Optional.ofNullable(hosts.get(INSTAGRAM)).map(SimHost::baseUrl);
    }

    /** What the Instagram Graph host saw (calls per profile, highest usage); empty when Instagram is not simulated. */
    public Optional<GraphStats> instagramStats() {
        return graph.map(GraphApi::stats);
    }

    /** The generated accounts with their latent properties (tests and benchmarks only; not reachable over HTTP). */
    public Population population() {
        return population;
    }

    public SimConfig config() {
        return config;
    }

    /** Stable ids a perfect scout picks for the demo niche, on every simulated platform. */
    public Set<String> groundTruth() {
        return groundTruth(Niche.demo());
    }

    /** Stable ids a perfect scout picks for {@code niche}. */
    public Set<String> groundTruth(Niche niche) {
        Set<String> ids = new LinkedHashSet<>();
        GroundTruth.picks(population, niche).forEach(a -> ids.add(a.stableId(webBaseUrl())));
        return ids;
    }

    /** The demo-niche ground truth restricted to one platform. */
    public Set<String> groundTruth(Platform platform) {
        Set<String> ids = new LinkedHashSet<>();
        GroundTruth.picks(population, Niche.demo()).stream().filter(a -> a.platform() == platform)
                .forEach(a -> ids.add(a.stableId(webBaseUrl())));
        return ids;
    }

    /** Requests each host received after its rate-limit budget was used up, keyed by host name (a domain, {@code bluesky}, {@code web}). */
    public Map<String, Long> requestsOverLimit() {
        Map<String, Long> out = new LinkedHashMap<>();
        hosts.forEach((name, host) -> out.put(name, host.requestsOverLimit()));
        return out;
    }

    /**
     * From the first request any host received to the last one any host received (in-process time, so a crawler's
     * start-up before its first request is not counted); empty before the first request.
     */
    public Optional<SimHost.RequestSpan> requestSpan() {
        return hosts.values().stream().map(SimHost::requestSpan).flatMap(Optional::stream)
                .reduce(SimHost.RequestSpan::union);
    }

    /** Each host's {@link SimHost#requestSpan()}, keyed like {@link #requestsOverLimit()}; hosts never asked are absent. */
    public Map<String, SimHost.RequestSpan> requestSpans() {
        Map<String, SimHost.RequestSpan> out = new LinkedHashMap<>();
        hosts.forEach((name, host) -> host.requestSpan().ifPresent(span -> out.put(name, span)));
        return out;
    }

    /** Every request any host received. */
    public long requestCount() {
        return hosts.values().stream().mapToLong(SimHost::requestCount).sum();
    }

    /** Requests per host, keyed like {@link #requestsOverLimit()}. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        hosts.forEach((name, host) -> out.put(name, host.requestCount()));
        return out;
    }

    /** Requests answered 304 Not Modified (the client's {@code If-None-Match} named the current body), over all hosts. */
    public long notModifiedCount() {
        return hosts.values().stream().mapToLong(SimHost::notModifiedCount).sum();
    }

    /**
     * Gives the account with this stable id ({@link #groundTruth()} form, e.g. {@code mastodon:user@domain})
     * {@code n} more followers from now on (negative: fewer), as happens between two crawls a week apart. Its
     * profile, and every response embedding it, then shows the new count and so gets a new ETag.
     *
     * @throws IllegalArgumentException when no account has that id
     */
    public void addFollowers(String stableId, long n) {
        SimAccount account = population.accounts().stream()
                .filter(a -> a.platform() != Platform.YOUTUBE && a.stableId(webBaseUrl()).equals(stableId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the simulated network has no account " + stableId));
        changes.addFollowers(account.index(), n);
    }

    /** The follower count an account shows now (generated count plus {@link #addFollowers} changes). */
    public long followersShown(SimAccount account) {
        return changes.followers(account);
    }

    /** Requests a simulated route failed on (answered 500); non-zero means a simulator bug. */
    public long internalErrors() {
        return hosts.values().stream().mapToLong(SimHost::internalErrors).sum();
    }

    @Override
    public void close() {
        hosts.values().forEach(SimHost::close);
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
