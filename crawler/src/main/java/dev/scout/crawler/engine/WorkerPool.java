package dev.scout.crawler.engine;

import dev.scout.crawler.platform.PlatformClient;
import dev.scout.model.Platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The bounded pool of named worker threads of one crawl run. Each worker claims leases from the frontier, groups
 * them per platform and host, takes a {@link HostGate} slot for the host (or puts the group back for a moment) and
 * crawls it with {@link BatchCrawl}. The pool ends when no work is pending or in flight, apart from entries parked
 * for an exhausted quota, or when pending work has not become due for longer than the retry schedule allows.
 * One pool per run; not reusable.
 */
final class WorkerPool {
    private final Map<Platform, PlatformClient> clients;
    private final LeaseLedger frontier;
    private final CrawlSettings settings;
    private final CrawlListener listener;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final BatchCrawl batches;
    private final QuotaParking parking;
    private final LaterRuns laterRuns;
    private final HostGate gate;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@code lock}. */
    private long lastProgressNanos;
    /** Guarded by {@code lock}. */
    private int busy;
    /** Guarded by {@code lock}: bumped whenever a worker starts or ends a batch. */
    private long version;
    /** Guarded by {@code lock}. */
    private boolean done;
    /** Guarded by {@code lock}: the first error that escaped a worker; it stops the run. */
    private Throwable fatal;
    /** Guarded by {@code lock}: entries given back by workers that stopped on such an error. */
    private int givenBack;

    WorkerPool(Map<Platform, PlatformClient> clients, LeaseLedger frontier, CrawlSettings settings,
               CrawlListener listener, Clock clock, LongSupplier nanoTime, BatchCrawl batches, QuotaParking parking,
               LaterRuns laterRuns) {
        this.clients = clients;
        this.frontier = frontier;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.batches = batches;
        this.parking = parking;
        this.laterRuns = laterRuns;
        this.gate = new HostGate(settings.maxWorkersPerHost());
        this.lastProgressNanos = nanoTime.getAsLong();
    }

    /**
     * Starts the workers and waits for them; on interrupt stops them and rethrows.
     *
     * @throws CrawlAbortedException when an error escaped a worker's own safety nets (the frontier itself failing);
     *                               the entries that worker held were given back first
     */
    void runToEnd() throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= settings.workerThreads(); i++) {
            String name = "scout-crawl-" + i;
            Thread t = new Thread(() -> work(name), name);
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
        Throwable error;
        int released;
        lock.lock();
        try {
            error = fatal;
            released = givenBack;
        } finally {
            lock.unlock();
        }
        if (error != null) {
            released += frontier.release(Optional.empty(), clock.instant());
            throw new CrawlAbortedException("the crawl stopped on an internal error: " + error + " (" + released
                    + " claimed profiles were given back; run again to resume)", error);
        }
    }

    private void work(String name) {
        try {
            while (!Thread.currentThread().isInterrupted() && !stopped()) {
                List<Frontier.Lease> leases = frontier.claim(name, claimSize(), clock.instant(), settings.lease());
                if (leases.isEmpty()) {
                    if (idleOrDone()) {
                        return;
                    }
                    continue;
                }
                busy(+1, false);
                boolean progressed = false;
                try {
                    progressed = crawlClaimed(leases);
                } finally {
                    busy(-1, progressed);
                }
                if (!progressed && idleOrDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Task boundary of the worker thread: BatchCrawl settles each profile itself, so only a failing frontier
            // gets here. Give back what this worker holds and stop the run instead of waiting on its leases.
            stop(e, frontier.release(Optional.of(name), clock.instant()));
        }
    }

    private boolean stopped() {
        lock.lock();
        try {
            return fatal != null;
        } finally {
            lock.unlock();
        }
    }

    private void stop(Throwable error, int released) {
        lock.lock();
        try {
            givenBack += released;
            if (fatal == null) {
                fatal = error;
            }
            done = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Crawls what it can; false when every lease had to be put back because its host was saturated. */
    private boolean crawlClaimed(List<Frontier.Lease> leases) throws InterruptedException {
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
            String hostKey;
            try {
                hostKey = client.hostKey(l.ref());
            } catch (RuntimeException e) {
                // An adapter must answer a key for any reference; if it cannot, this profile fails, not the run.
                String reason = "internal error: no host for " + l.ref().id() + ": " + e;
                frontier.fail(l.ref(), reason, Optional.empty());
                listener.failed(l.ref(), reason, false);
                progressed = true;
                continue;
            }
            byHost.computeIfAbsent(l.ref().platform().key() + "|" + hostKey, k -> new ArrayList<>()).add(l);
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
                    batches.crawl(client, host, group.subList(i, Math.min(group.size(), i + size)));
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
        long pending = frontier.pendingUpTo(maxBatch); // before every claim: a bounded question, not a full count
        if (pending >= maxBatch) {
            return maxBatch;
        }
        return (int) Math.max(1, (pending + settings.workerThreads() - 1) / settings.workerThreads());
    }

    private void busy(int delta, boolean progressed) {
        lock.lock();
        try {
            busy += delta;
            version++;
            if (progressed) {
                lastProgressNanos = nanoTime.getAsLong();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits a little for work; true when the crawl is over for this run. The frontier is read outside the lock (it
     * may be a database); the decision only stands if no worker started or ended a batch meanwhile.
     */
    private boolean idleOrDone() throws InterruptedException {
        long seen;
        lock.lock();
        try {
            if (done) {
                return true;
            }
            seen = version;
        } finally {
            lock.unlock();
        }
        Map<Frontier.EntryState, Long> counts = frontier.counts();
        long inFlight = counts.getOrDefault(Frontier.EntryState.IN_FLIGHT, 0L);
        long pending = counts.getOrDefault(Frontier.EntryState.PENDING, 0L) - parking.count() - laterRuns.count();
        lock.lock();
        try {
            boolean stalled = nanoTime.getAsLong() - lastProgressNanos > stallLimit().toNanos();
            if (!done && version == seen && busy == 0 && inFlight == 0 && (pending <= 0 || stalled)) {
                done = true;
                changed.signalAll();
            }
            if (!done) {
                changed.await(settings.idleWait().toNanos(), TimeUnit.NANOSECONDS);
            }
            return done;
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
}
