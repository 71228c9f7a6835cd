package dev.scout.crawler.engine;

import dev.scout.crawler.discovery.Discovery;
import dev.scout.crawler.discovery.NicheTerms;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Runs a crawl: seeds and hashtag authors enter the {@link Frontier}; a bounded pool of named worker threads claims
 * work under leases, grouped per platform and host, and crawls each batch through the funnel ({@link BatchCrawl}).
 * Workers cap how many of them wait on one host, so a paused host never holds them all. The run ends when no work
 * is pending or in flight (entries parked for an exhausted quota stay pending for the next run), or when pending
 * work has not become due for longer than the retry schedule allows.
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

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();

    /**
     * @param clients  one adapter per platform to crawl; entries of other platforms are skipped with a reason
     * @param clock    stamps snapshots and drives leases and retry times; must advance (the system clock in
     *                 production)
     */
    public CrawlEngine(Collection<PlatformClient> clients, Frontier frontier, SnapshotSink sink, FunnelPolicy funnel,
                       CrawlSettings settings, CrawlListener listener, Clock clock) {
        this(clients, frontier, sink, funnel, settings, listener, clock, System::nanoTime);
    }

    CrawlEngine(Collection<PlatformClient> clients, Frontier frontier, SnapshotSink sink, FunnelPolicy funnel,
                CrawlSettings settings, CrawlListener listener, Clock clock, LongSupplier nanoTime) {
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
        List<String> warnings = new CopyOnWriteArrayList<>();
        long alreadyKnown = frontier.counts().values().stream().mapToLong(Long::longValue).sum();
        Discovery discovery = new Discovery(frontier, niche, settings.maxProfiles(), settings.discoveryDepth(),
                alreadyKnown);

        announce(discovery, discovery.offerSeeds(seeds));
        discoverHashtags(discovery, niche, counters, warnings);

        BatchCrawl batches = new BatchCrawl(frontier, sink, funnel, settings, listener, discovery, counters, parking,
                ConcurrentHashMap.newKeySet(), clock);
        HostGate gate = new HostGate(settings.maxWorkersPerHost());
        WorkerState state = new WorkerState(nanoTime.getAsLong());
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= settings.workerThreads(); i++) {
            String name = "scout-crawl-" + i;
            Thread t = new Thread(() -> work(name, batches, gate, parking, state), name);
            t.setDaemon(true);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
            throw e;
        }
        Duration wall = Duration.ofNanos(nanoTime.getAsLong() - startNanos);
        return new CrawlReport(frontier.counts(), counters.snapshots.sum(), counters.followerSamples.sum(),
                parking.count(), counters.stages(), counters.platforms(),
                wall.isZero() ? Duration.between(start, clock.instant()) : wall, warnings);
    }

    private void discoverHashtags(Discovery discovery, NicheTerms niche, RunCounters counters, List<String> warnings)
            throws InterruptedException {
        if (settings.hashtagPages() == 0) {
            return;
        }
        for (PlatformClient client : clients.values()) {
            for (String tag : niche.hashtags()) {
                try {
                    TagDiscovery found = client.discoverByHashtag(tag, settings.hashtagPages());
                    counters.requests(client.platform(), FunnelStage.DISCOVERY, found.requests());
                    announce(discovery, discovery.offerTagAuthors(found.authors()));
                } catch (PlatformException e) {
                    warnings.add("hashtag discovery skipped: " + e.getMessage());
                }
            }
        }
    }

    /** Shared by the workers of one run: when work was last claimed, and how many are busy. Guarded by {@code lock}. */
    private static final class WorkerState {
        long lastProgressNanos;
        int busy;
        boolean done;

        WorkerState(long now) {
            lastProgressNanos = now;
        }
    }

    private void work(String name, BatchCrawl batches, HostGate gate, QuotaParking parking, WorkerState state) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Frontier.Lease> leases = frontier.claim(name, claimSize(), clock.instant(), settings.lease());
                if (leases.isEmpty()) {
                    if (idleOrDone(state, parking)) {
                        return;
                    }
                    continue;
                }
                busy(state, +1, false);
                boolean progressed = false;
                try {
                    progressed = crawlClaimed(leases, batches, gate);
                } finally {
                    busy(state, -1, progressed);
                }
                if (!progressed && idleOrDone(state, parking)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Crawls what it can; false when every lease had to be put back because its host was saturated. */
    private boolean crawlClaimed(List<Frontier.Lease> leases, BatchCrawl batches, HostGate gate)
            throws InterruptedException {
        boolean progressed = false;
        Map<String, List<Frontier.Lease>> byHost = new LinkedHashMap<>();
        for (Frontier.Lease l : leases) {
            PlatformClient client = clients.get(l.ref().platform());
            if (client == null) {
                String reason = "platform " + l.ref().platform().key() + " is not configured in this run";
                frontier.skip(l.ref(), reason);
                listener.skipped(l.ref(), reason);
                progressed = true;
                continue;
            }
            byHost.computeIfAbsent(l.ref().platform().key() + "|" + client.hostKey(l.ref()), k -> new ArrayList<>())
                    .add(l);
        }
        for (Map.Entry<String, List<Frontier.Lease>> e : byHost.entrySet()) {
            String host = e.getKey();
            List<Frontier.Lease> group = e.getValue();
            PlatformClient client = clients.get(group.get(0).ref().platform());
            if (!gate.tryEnter(host)) {
                Instant later = clock.instant().plus(settings.hostBusyDelay());
                group.forEach(l -> frontier.defer(l.ref(), later));
                continue;
            }
            progressed = true;
            try {
                int size = Math.max(1, client.lookupBatchSize());
                for (int i = 0; i < group.size(); i += size) {
                    batches.crawl(client, group.subList(i, Math.min(group.size(), i + size)));
                }
            } finally {
                gate.leave(host);
            }
        }
        return progressed;
    }

    /**
     * A full lookup batch of the most batch-friendly platform while there is plenty of work (a short batch would
     * cost a whole extra request), otherwise a fair share of what is pending so no worker idles while another holds
     * everything.
     */
    private int claimSize() {
        int maxBatch = clients.values().stream().mapToInt(PlatformClient::lookupBatchSize).max().orElse(1);
        if (maxBatch <= 1) {
            return 1;
        }
        long pending = frontier.counts().getOrDefault(Frontier.EntryState.PENDING, 0L);
        if (pending >= maxBatch) {
            return maxBatch;
        }
        return (int) Math.max(1, (pending + settings.workerThreads() - 1) / settings.workerThreads());
    }

    private void busy(WorkerState state, int delta, boolean progressed) {
        lock.lock();
        try {
            state.busy += delta;
            if (progressed) {
                state.lastProgressNanos = nanoTime.getAsLong();
            }
            workArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits a little for work; true when the crawl is over for this run. */
    private boolean idleOrDone(WorkerState state, QuotaParking parking) throws InterruptedException {
        lock.lock();
        try {
            if (state.done) {
                return true;
            }
            Map<Frontier.EntryState, Long> counts = frontier.counts();
            long inFlight = counts.getOrDefault(Frontier.EntryState.IN_FLIGHT, 0L);
            long pending = counts.getOrDefault(Frontier.EntryState.PENDING, 0L) - parking.count();
            boolean stalled = nanoTime.getAsLong() - state.lastProgressNanos > stallLimit().toNanos();
            if (state.busy == 0 && inFlight == 0 && (pending <= 0 || stalled)) {
                state.done = true;
                workArrived.signalAll();
                return true;
            }
            workArrived.await(settings.idleWait().toNanos(), TimeUnit.NANOSECONDS);
            return state.done;
        } finally {
            lock.unlock();
        }
    }

    /** Longest a pending entry can legitimately wait in this run: every retry delay plus a host-busy pause. */
    private Duration stallLimit() {
        long attempts = settings.maxAttempts();
        return settings.retryDelay().multipliedBy(attempts * (attempts + 1) / 2)
                .plus(settings.hostBusyDelay()).plusSeconds(1);
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
