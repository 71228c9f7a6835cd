package dev.scout.crawler.engine;

import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.internal.politeness.HostSeats;
import dev.scout.model.Platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The bounded pool of named worker threads of one crawl run. Each worker claims leases from the frontier, groups them
 * per platform and host, and crawls a group with {@link BatchCrawl} while holding a seat on its host from the
 * {@link HostSeats} — the fetcher's per-host scheduler, the one place that decides when a host's next request goes
 * (and whether the host may send at all). A group whose host has no free seat waits in memory, its leases kept, and
 * is handed to a worker when the scheduler says a seat may be free; it is given back to the frontier if that takes
 * half a lease. Idle workers wait for an event — a batch ending, a seat freeing, the next retry time this run set,
 * the stall deadline — never on a polling timer. The pool ends when no work is pending or in flight, apart from
 * entries parked for an exhausted quota, or when pending work has not become due for longer than the retry schedule
 * allows. One pool per run; not reusable.
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
    private final HostSeats seats;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Guarded by {@code lock}. */
    private long lastProgressNanos;
    /** Guarded by {@code lock}. */
    private int busy;
    /** Guarded by {@code lock}: bumped whenever a worker starts or ends a batch or a seat may have freed. */
    private long version;
    /** Guarded by {@code lock}. */
    private boolean done;
    /** Guarded by {@code lock}: the first error that escaped a worker; it stops the run. */
    private Throwable fatal;
    /** Guarded by {@code lock}: entries given back by workers that stopped on such an error. */
    private int givenBack;
    /** Guarded by {@code lock}: groups waiting for a seat on their host, oldest first. */
    private final List<Group> waiting = new ArrayList<>();
    /** Guarded by {@code lock}: per host, how many times the seats said one may have freed. */
    private final Map<String, Long> seatEvents = new HashMap<>();

    /**
     * Claimed entries of one host, waiting for a seat since {@code parkedAtNanos}; {@code seenEvents} is the host's
     * seat-event count before its last try, so a seat freed during the try is not missed.
     */
    private record Group(String host, PlatformClient client, List<Frontier.Lease> leases, long parkedAtNanos,
                         long seenEvents) {
    }

    WorkerPool(Map<Platform, PlatformClient> clients, LeaseLedger frontier, CrawlSettings settings,
               CrawlListener listener, Clock clock, LongSupplier nanoTime, BatchCrawl batches, QuotaParking parking,
               LaterRuns laterRuns, HostSeats seats) {
        this.clients = clients;
        this.frontier = frontier;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.batches = batches;
        this.parking = parking;
        this.laterRuns = laterRuns;
        this.seats = seats;
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
                List<Group> groups = readyGroups();
                if (groups.isEmpty()) {
                    List<Frontier.Lease> leases = frontier.claim(name, claimSize(), clock.instant(), settings.lease());
                    if (leases.isEmpty()) {
                        if (idleOrDone()) {
                            return;
                        }
                        continue;
                    }
                    groups = group(leases);
                }
                busy(+1, false);
                boolean progressed = false;
                try {
                    progressed = crawl(groups);
                } finally {
                    busy(-1, progressed);
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

    /** Groups per host; leases no adapter can take are settled here (and count as progress, as an empty group). */
    private List<Group> group(List<Frontier.Lease> leases) {
        Map<String, List<Frontier.Lease>> byHost = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>();
        for (Frontier.Lease l : leases) {
            PlatformClient client = clients.get(l.ref().platform());
            if (client == null) {
                String reason = "platform " + l.ref().platform().key() + " is not configured in this run";
                frontier.skip(l.ref(), reason);
                listener.skipped(l.ref(), reason);
                groups.add(new Group("", null, List.of(), 0, 0));
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
                groups.add(new Group("", null, List.of(), 0, 0));
                continue;
            }
            // The seat is the fetcher's host key; two platforms on one host share its seats, as they share its lane.
            byHost.computeIfAbsent(hostKey, k -> new ArrayList<>()).add(l);
        }
        for (Map.Entry<String, List<Frontier.Lease>> e : byHost.entrySet()) {
            Map<Platform, List<Frontier.Lease>> byPlatform = new LinkedHashMap<>();
            e.getValue().forEach(l -> byPlatform.computeIfAbsent(l.ref().platform(), p -> new ArrayList<>()).add(l));
            byPlatform.forEach((p, ls) -> groups.add(new Group(e.getKey(), clients.get(p), ls, nanoTime.getAsLong(), 0)));
        }
        return groups;
    }

    /** Crawls the groups whose host gives a seat and parks the others; true when any profile was settled. */
    private boolean crawl(List<Group> groups) throws InterruptedException {
        boolean progressed = false;
        for (Group g : groups) {
            if (g.client() == null) {
                progressed = true; // settled while grouping
                continue;
            }
            String host = g.host();
            long events = seatEvents(host);
            if (!seats.tryTake(host, () -> seatMayBeFree(host))) {
                park(g, events);
                continue;
            }
            progressed = true;
            try {
                int size = Math.max(1, g.client().lookupBatchSize());
                List<Frontier.Lease> leases = g.leases();
                for (int i = 0; i < leases.size(); i += size) {
                    batches.crawl(g.client(), g.client().platform().key() + "|" + host,
                            leases.subList(i, Math.min(leases.size(), i + size)));
                }
            } finally {
                seats.give(host);
            }
        }
        return progressed;
    }

    private long seatEvents(String host) {
        lock.lock();
        try {
            return seatEvents.getOrDefault(host, 0L);
        } finally {
            lock.unlock();
        }
    }

    /** The group waits for a seat; it keeps its first parking time so its lease is watched from then. */
    private void park(Group g, long seenEvents) {
        lock.lock();
        try {
            long parkedAt = g.parkedAtNanos() == 0 ? nanoTime.getAsLong() : g.parkedAtNanos();
            waiting.add(new Group(g.host(), g.client(), g.leases(), parkedAt, seenEvents));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Called by the seats (any thread, no lock of theirs held) when {@code host} may have a free seat. */
    private void seatMayBeFree(String host) {
        lock.lock();
        try {
            seatEvents.merge(host, 1L, Long::sum);
            version++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the oldest waiting group whose host may have freed a seat since it last tried, else none. */
    private List<Group> readyGroups() {
        lock.lock();
        try {
            for (Iterator<Group> it = waiting.iterator(); it.hasNext(); ) {
                Group g = it.next();
                if (ready(g)) {
                    it.remove();
                    return List.of(g);
                }
            }
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /** Guarded by {@code lock}. */
    private boolean ready(Group g) {
        return seatEvents.getOrDefault(g.host(), 0L) > g.seenEvents();
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
     * Nothing to claim: waits for the next event and returns false to look again, or true when the crawl is over for
     * this run. The frontier is read outside the lock (it may be a database); the decision only stands if no batch
     * started or ended and no seat freed meanwhile. Groups that waited half a lease for a seat go back to the frontier.
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
        if (giveBackStaleGroups()) {
            return false;
        }
        Map<Frontier.EntryState, Long> counts = frontier.counts();
        long inFlight = counts.getOrDefault(Frontier.EntryState.IN_FLIGHT, 0L);
        long pending = counts.getOrDefault(Frontier.EntryState.PENDING, 0L) - parking.count() - laterRuns.count();
        Optional<Instant> due = frontier.earliestDue();
        Instant now = clock.instant();
        if (due.isPresent() && !due.get().isAfter(now)) {
            return false; // became due since the claim
        }
        lock.lock();
        try {
            long nowNanos = nanoTime.getAsLong();
            long stallAt = lastProgressNanos + stallLimit().toNanos();
            boolean stalled = nowNanos - stallAt > 0;
            if (!done && version == seen && busy == 0 && inFlight == 0 && (pending <= 0 || stalled)) {
                done = true;
                changed.signalAll();
            }
            if (done) {
                return true;
            }
            if (version != seen || waiting.stream().anyMatch(this::ready)) {
                return false; // something happened meanwhile: look again
            }
            changed.awaitNanos(waitNanos(due, now, pending > 0 ? stallAt - nowNanos : Long.MAX_VALUE, nowNanos));
            return done;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Guarded by {@code lock}. Until the first of: the next retry time this run set, the stall deadline, a waiting
     * group's half-lease, and at most one lease (leases held by another process expire by then without an event here).
     */
    private long waitNanos(Optional<Instant> due, Instant now, long untilStall, long nowNanos) {
        long wait = settings.lease().toNanos();
        if (due.isPresent()) {
            wait = Math.min(wait, Duration.between(now, due.get()).toNanos());
        }
        if (untilStall != Long.MAX_VALUE) {
            wait = Math.min(wait, Math.max(0, untilStall) + 1);
        }
        long halfLease = settings.lease().toNanos() / 2;
        for (Group g : waiting) {
            wait = Math.min(wait, Math.max(0, g.parkedAtNanos() + halfLease - nowNanos) + 1);
        }
        return Math.max(1, wait);
    }

    /** Gives groups that waited half a lease for a seat back to the frontier (claimable now); true if any. */
    private boolean giveBackStaleGroups() {
        List<Group> stale = new ArrayList<>();
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            long halfLease = settings.lease().toNanos() / 2;
            for (Iterator<Group> it = waiting.iterator(); it.hasNext(); ) {
                Group g = it.next();
                if (now - g.parkedAtNanos() >= halfLease) {
                    stale.add(g);
                    it.remove();
                }
            }
        } finally {
            lock.unlock();
        }
        Instant at = clock.instant();
        stale.forEach(g -> g.leases().forEach(l -> frontier.defer(l.ref(), at)));
        return !stale.isEmpty();
    }

    /** Longest a pending entry can legitimately wait in this run: every retry delay, plus a second. */
    private Duration stallLimit() {
        long attempts = settings.maxAttempts();
        return settings.retryDelay().multipliedBy(attempts * (attempts + 1) / 2).plusSeconds(1);
    }
}
