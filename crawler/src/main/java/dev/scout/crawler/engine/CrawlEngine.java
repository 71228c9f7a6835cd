package dev.scout.crawler.engine;

import dev.scout.crawler.discovery.Discovery;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.discovery.RecentIds;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.internal.politeness.HostSeats;
import dev.scout.crawler.internal.politeness.SeatTable;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Runs a crawl: seeds and hashtag authors enter the {@link Frontier}; a bounded pool of named worker threads claims
 * work under leases, grouped per platform and host, and crawls each batch through the funnel ({@link BatchCrawl}).
 * How many workers work on one host, and when a host may send, is decided by one per-host scheduler
 * ({@link HostSeats}, the fetcher's), so a paused host never holds every worker and nobody polls for it. The run ends when no work
 * is pending or in flight (entries parked for an exhausted quota, or handed to a later run after transient failures,
 * stay pending for the next run), or when pending work has not become due for longer than the retry schedule allows.
 * Every claimed entry ends settled — done, failed with a reason, skipped, or given back — whatever a stage throws.
 *
 * <p>Crawl state lives in the frontier, so a killed run resumes. One engine runs one crawl at a time.
 */
public final class CrawlEngine {
    private final Map<Platform, PlatformClient> clients;
    private final Frontier frontier;
    private final SnapshotSink sink;
    private final FunnelPolicy funnel;
    private final CrawlSettings settings;
    private final CrawlListener listener;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final HostSeats seats;

    /**
     * @param clients  one adapter per platform to crawl; entries of other platforms are skipped with a reason
     * @param clock    stamps snapshots and drives leases and retry times; must advance (the system clock in
     *                 production)
     */
    public CrawlEngine(Collection<PlatformClient> clients, Frontier frontier, SnapshotSink sink, FunnelPolicy funnel,
                       CrawlSettings settings, CrawlListener listener, Clock clock) {
        this(clients, frontier, sink, funnel, settings, listener, clock, System::nanoTime,
                SeatTable.fixed(settings.maxWorkersPerHost()));
    }

    /**
     * @param seats the fetcher's per-host scheduler ({@code OkHttpFetcher.seats()}): the one place that decides how
     *              many workers work on a host and when a host may send
     */
    public CrawlEngine(Collection<PlatformClient> clients, Frontier frontier, SnapshotSink sink, FunnelPolicy funnel,
                       CrawlSettings settings, CrawlListener listener, Clock clock, HostSeats seats) {
        this(clients, frontier, sink, funnel, settings, listener, clock, System::nanoTime, seats);
    }

    CrawlEngine(Collection<PlatformClient> clients, Frontier frontier, SnapshotSink sink, FunnelPolicy funnel,
                CrawlSettings settings, CrawlListener listener, Clock clock, LongSupplier nanoTime) {
        this(clients, frontier, sink, funnel, settings, listener, clock, nanoTime,
                SeatTable.fixed(settings.maxWorkersPerHost()));
    }

    private CrawlEngine(Collection<PlatformClient> clients, Frontier frontier, SnapshotSink sink, FunnelPolicy funnel,
                        CrawlSettings settings, CrawlListener listener, Clock clock, LongSupplier nanoTime,
                        HostSeats seats) {
        Map<Platform, PlatformClient> byPlatform = new EnumMap<>(Platform.class);
        for (PlatformClient c : clients) {
            if (byPlatform.putIfAbsent(c.platform(), c) != null) {
                throw new IllegalArgumentException("two adapters for platform " + c.platform().key());
            }
        }
        this.clients = Map.copyOf(byPlatform);
        this.frontier = Objects.requireNonNull(frontier, "frontier");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.funnel = Objects.requireNonNull(funnel, "funnel");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nanoTime = nanoTime;
        this.seats = Objects.requireNonNull(seats, "seats");
    }

    /**
     * Crawls from {@code seeds} and the niche's hashtags until the frontier is exhausted (or {@code maxProfiles} reached
     * and crawled). Blocks; interrupting the calling thread stops the workers and rethrows (in-flight leases expire and
     * are resumed by the next run).
     */
    public CrawlReport run(List<ProfileRef> seeds, NicheTerms niche) throws InterruptedException {
        Instant start = clock.instant();
        long startNanos = nanoTime.getAsLong();
        RunCounters counters = new RunCounters();
        QuotaParking parking = new QuotaParking();
        CrawlWarnings warnings = new CrawlWarnings();
        long alreadyKnown = frontier.counts().values().stream().mapToLong(Long::longValue).sum();
        Discovery discovery = new Discovery(frontier, niche, settings.maxProfiles(), settings.discoveryDepth(),
                alreadyKnown);

        announce(discovery, discovery.offerSeeds(seeds));
        discoverFromSources(discovery, niche, counters, warnings);

        LeaseLedger ledger = new LeaseLedger(frontier);
        LaterRuns laterRuns = new LaterRuns();
        BatchCrawl batches = new BatchCrawl(ledger, sink, funnel, settings, listener, discovery, counters, parking,
                new RecentIds(RecentIds.DEFAULT_CAPACITY), clock, warnings, laterRuns, new HostHealth());
        new WorkerPool(clients, ledger, settings, listener, clock, nanoTime, batches, parking, laterRuns, seats)
                .runToEnd();
        if (laterRuns.count() > 0) {
            warnings.add(laterRuns.count() + " profiles met transient failures (server errors, timeouts, robots.txt"
                    + " unavailable, a host given up) and wait for a later run; `scout status` lists them with"
                    + " their attempts and when they are due");
        }
        Duration wall = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
        return new CrawlReport(frontier.counts(), counters.snapshots.sum(), counters.followerSamples.sum(),
                parking.count(), counters.stages(), counters.platforms(),
                wall.isZero() ? Duration.between(start, clock.instant()) : wall, warnings.list(), laterRuns.count());
    }

    /** The profile directory and the niche's hashtag timelines of every platform (skipped when hashtagPages is 0). */
    private void discoverFromSources(Discovery discovery, NicheTerms niche, RunCounters counters, CrawlWarnings warnings)
            throws InterruptedException {
        if (settings.hashtagPages() == 0) {
            return;
        }
        for (PlatformClient client : clients.values()) {
            try {
                FollowerSample listed = client.directory();
                counters.requests(client.platform(), FunnelStage.DISCOVERY, listed.requests());
                announce(discovery, discovery.offerDirectoryAccounts(listed.followers()));
            } catch (PlatformException e) {
                warnings.add("directory discovery skipped: " + e.getMessage());
            } catch (RuntimeException e) {
                // Task boundary: a discovery source that breaks costs its leads, not the crawl.
                warnings.add("directory discovery of " + client.platform().key() + " failed: internal error " + e);
            }
            for (String tag : niche.hashtags()) {
                try {
                    TagDiscovery found = client.discoverByHashtag(tag, settings.hashtagPages());
                    counters.requests(client.platform(), FunnelStage.DISCOVERY, found.requests());
                    announce(discovery, discovery.offerTagAuthors(found.authors()));
                } catch (PlatformException e) {
                    warnings.add("hashtag discovery skipped: " + e.getMessage());
                } catch (RuntimeException e) {
                    warnings.add("hashtag discovery of #" + tag + " on " + client.platform().key()
                            + " failed: internal error " + e);
                }
            }
        }
    }

    private void announce(Discovery discovery, int added) {
        if (added > 0) {
            listener.discovered(added, discovery.known());
        }
    }

    /** Platforms this engine has adapters for. */
    public Set<Platform> platforms() {
        return clients.keySet();
    }
}
