package dev.scout.app.pipeline;

import dev.scout.app.RunFailedException;
import dev.scout.app.UsageException;
import dev.scout.config.ScoutConfig;
import dev.scout.crawler.engine.CrawlReport;
import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.http.HostPermit;
import dev.scout.crawler.http.RateMemory;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.MetricDefinitions;
import dev.scout.store.RunInfo;
import dev.scout.store.StoreException;
import dev.scout.store.postgres.PostgresStore;
import dev.scout.store.postgres.fleet.FleetDatabase;
import dev.scout.store.postgres.fleet.FleetException;
import dev.scout.store.postgres.fleet.FleetFrontier;
import dev.scout.store.postgres.fleet.FleetHostPermit;
import dev.scout.store.postgres.fleet.FleetRateMemory;
import dev.scout.store.postgres.fleet.HostLeases;
import dev.scout.store.postgres.fleet.LeaseKeeper;
import dev.scout.store.postgres.fleet.LeasedClaims;
import dev.scout.store.postgres.fleet.RunFinish;
import dev.scout.store.postgres.fleet.RunJoin;
import dev.scout.store.postgres.fleet.WorkerRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One fleet worker ({@code scout worker}, and {@code scout run} on a PostgreSQL store): joins the store's running run
 * (or starts one when none runs), crawls through host leases until no work is left that it could take, and — when
 * the whole run has nothing left and no other live worker is crawling — claims the run's finish; exactly one worker
 * wins it and scores the run and writes its outputs. A worker that did not win returns empty.
 *
 * <p>The composition root of a worker: owns the lease-renewal timer and the run's objects, and closes them.
 */
public final class FleetJob {
    private final Clock clock;
    private final FleetSettings settings;

    public FleetJob(Clock clock, FleetSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Works on the store's run until it is finished. {@code opener} opens the shared store (non-exclusive); each
     * store is closed here. When the connection to PostgreSQL is lost (the server restarts, the network drops) the
     * worker closes everything, waits (1 s, doubling up to 30 s, for at most {@link FleetSettings#reconnectFor()}),
     * opens the store again and goes on with the same run; meanwhile its host leases lapse by their local deadlines,
     * so it sends nothing.
     *
     * @return the run's result when this worker finished it; empty when another worker did
     */
    public Optional<JobResult> work(ScoutConfig config, Supplier<PostgresStore> opener, Path outDir, Console console,
                                    String worker) throws InterruptedException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        ScoutJob.createDirectory(outDir);
        OptionalLong runId = OptionalLong.empty();
        PostgresStore store = opener.get(); // a store that cannot be opened at all is the user's to fix (exit 2)
        while (true) {
            AtomicLong joined = new AtomicLong(runId.orElse(-1));
            try {
                return session(config, store, outDir, console, worker, joined, started, startNanos);
            } catch (RuntimeException e) {
                if (!connectionLost(e)) {
                    throw e;
                }
                runId = joined.get() >= 0 ? OptionalLong.of(joined.get()) : OptionalLong.empty();
                long giveUpAt = System.nanoTime() + settings.reconnectFor().toNanos();
                long delayMillis = 1_000;
                PostgresStore again = null;
                while (again == null) {
                    if (System.nanoTime() > giveUpAt) {
                        throw new RunFailedException(worker + " could not reach the store for "
                                + settings.reconnectFor().toMinutes() + " min: " + e.getMessage()
                                + " (start the worker again once PostgreSQL is up; it joins the same run)", e);
                    }
                    console.info(worker + " lost the connection to the store (" + e.getMessage()
                            + "); reconnecting in " + delayMillis / 1000 + " s");
                    TimeUnit.MILLISECONDS.sleep(delayMillis); // reconnect backoff, not request pacing
                    delayMillis = Math.min(30_000, delayMillis * 2);
                    again = reopen(opener, e);
                }
                store = again;
            }
        }
    }

    /** The store again, or null (to wait and try again) while the server is still unreachable. */
    private static PostgresStore reopen(Supplier<PostgresStore> opener, RuntimeException lost) {
        try {
            return opener.get();
        } catch (RuntimeException e) {
            if (connectionLost(e)) {
                return null;
            }
            e.addSuppressed(lost);
            throw e;
        }
    }

    /** True when {@code e} was caused by losing the database connection (store or fleet tables). */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException s && s.kind() == StoreException.Kind.UNREACHABLE
                    || t instanceof FleetException f && f.kind() == FleetException.Kind.UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }

    private Optional<JobResult> session(ScoutConfig config, PostgresStore store, Path outDir, Console console,
                                        String worker, AtomicLong joined, Instant started, long startNanos)
            throws InterruptedException {
        FleetDatabase db = new FleetDatabase(store.dataSource(), store.location().masked());
        WorkerRegistry workers = new WorkerRegistry(db);
        HostLeases leases = new HostLeases(db);
        LeasedClaims claims = new LeasedClaims(db);
        LeaseKeeper keeper = new LeaseKeeper(leases, worker, clock, System::nanoTime, settings.lease(),
                settings.margin());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scout-fleet-leases");
            t.setDaemon(true);
            return t;
        });
        Wiring wiring = new Wiring(keeper, leases, claims, store::flush);
        try (InterruptOnShutdown shutdown = InterruptOnShutdown.install(Thread.currentThread());
             Components c = Components.open(settings.fitted(config), console, clock, true, store, Optional.of(wiring))) {
            workers.register(worker, settings.machine(), ProcessHandle.current().pid(), clock.instant());
            long runId = joined.get() >= 0 ? joined.get() : new RunJoin(db).joinOrStart(() -> {
                long id = store.startRun(ConfigHash.of(config), MetricDefinitions.SCORE_VERSION);
                store.flush();
                return id;
            }, () -> store.lastRuns(20).stream().filter(r -> r.status() == RunInfo.RunStatus.RUNNING)
                    .map(RunInfo::id).findFirst());
            joined.set(runId);
            console.info(worker + " works on run " + runId + " in " + store.location().masked());
            long every = Math.max(1, settings.lease().toMillis() / 3);
            timer.scheduleWithFixedDelay(() -> renew(keeper, workers, worker, console), every, every,
                    TimeUnit.MILLISECONDS);
            try {
                int assigned = wiring.fleetFrontier().assignMissingHosts();
                if (assigned > 0) {
                    console.info(assigned + " frontier entries got their host");
                }
                while (true) {
                    workers.crawling(worker, true, clock.instant());
                    CrawlReport crawl;
                    try {
                        crawl = c.engine().run(config.seeds(), Settings.nicheTerms(config));
                        store.flush();
                    } finally {
                        workers.crawling(worker, false, clock.instant());
                    }
                    Instant now = clock.instant();
                    if (claims.remaining(now) == 0 && workers.othersCrawling(worker, now.minus(settings.lease())) == 0) {
                        if (!new RunFinish(db).claim(runId, worker, now)) {
                            c.progress().close();
                            console.info("run " + runId + " is finished by another worker");
                            return Optional.empty();
                        }
                        c.progress().close();
                        return Optional.of(finish(c, config, outDir, console, runId, started, startNanos, crawl, db));
                    }
                    TimeUnit.MILLISECONDS.sleep(settings.poll().toMillis()); // idle between rounds, not request pacing
                }
            } finally {
                timer.shutdownNow();
                releaseQuietly(keeper, workers, worker, console);
            }
        } finally {
            timer.shutdownNow(); // also when opening failed before the inner block
        }
    }

    private JobResult finish(Components c, ScoutConfig config, Path outDir, Console console, long runId,
                             Instant started, long startNanos, CrawlReport crawl, FleetDatabase db) {
        RunEnding ending = new RunEnding(c.store(), runId);
        try {
            ScoutJob.Finished done = new ScoutJob(clock).scoreAndWrite(c, config, outDir, console, runId, started,
                    startNanos, crawl);
            ending.completed(done.counters());
            new RunFinish(db).finished(runId, clock.instant());
            return done.job();
        } catch (UsageException e) {
            ending.usageError(e);
            throw e;
        } catch (RuntimeException e) {
            ending.failed(e);
            throw e instanceof RunFailedException ? e : new RunFailedException("finishing run " + runId
                    + " failed: " + e.getMessage(), e);
        }
    }

    private void renew(LeaseKeeper keeper, WorkerRegistry workers, String worker, Console console) {
        try {
            keeper.renewAll().forEach(host -> console.info(worker + " lost its lease on " + host
                    + " to another worker"));
            workers.heartbeat(worker, clock.instant());
        } catch (RuntimeException e) {
            // Task boundary of the timer: a database that cannot be reached is retried next tick; meanwhile the
            // leases lapse by their local deadlines and the permit refuses requests.
            console.info(worker + " could not renew its host leases (retrying): " + e.getMessage());
        }
    }

    private void releaseQuietly(LeaseKeeper keeper, WorkerRegistry workers, String worker, Console console) {
        try {
            keeper.releaseAll();
            workers.stopped(worker, clock.instant());
        } catch (RuntimeException e) {
            console.info(worker + " could not give its host leases back; they expire within "
                    + settings.lease().toSeconds() + " s: " + e.getMessage());
        }
    }

    /** The fleet's pieces as the run's composition root asks for them. */
    private final class Wiring implements FleetWiring {
        private final LeaseKeeper keeper;
        private final HostLeases leases;
        private final LeasedClaims claims;
        private final Runnable flush;
        private FleetFrontier frontier;

        Wiring(LeaseKeeper keeper, HostLeases leases, LeasedClaims claims, Runnable flush) {
            this.keeper = keeper;
            this.leases = leases;
            this.claims = claims;
            this.flush = flush;
        }

        @Override
        public HostPermit permit() {
            return new FleetHostPermit(keeper, leases, clock);
        }

        @Override
        public RateMemory rateMemory() {
            return new FleetRateMemory(keeper);
        }

        @Override
        public Frontier frontier(Frontier store, Function<ProfileRef, String> hostOf) {
            frontier = new FleetFrontier(store, claims, keeper, hostOf, settings.maxHosts(), clock, flush);
            return frontier;
        }

        FleetFrontier fleetFrontier() {
            return frontier;
        }
    }
}
