package dev.scout.store.postgres.fleet;

import dev.scout.crawler.engine.Frontier;
import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.http.FetchRequest;
import dev.scout.crawler.http.FetcherSettings;
import dev.scout.crawler.http.HostKey;
import dev.scout.crawler.http.OkHttpFetcher;
import dev.scout.model.ProfileRef;
import dev.scout.store.postgres.SessionSettings;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A fleet worker process for the fault tests and the fleet benchmark: the real fleet pieces (worker registry, host
 * leases renewed on a schedule, {@link FleetFrontier} claims, the real {@link OkHttpFetcher} asking a
 * {@link FleetHostPermit} before each request) around a small loop that fetches each claimed profile URL, stores
 * it (a row in {@code stored_profiles}) and completes it. The loop stands in for the crawl engine, which needs
 * platform adapters. Database errors (PostgreSQL restarting) are retried with a capped exponential backoff.
 *
 * <p>Arguments: JDBC URL, worker id, lease millis, requests per second per host, max hosts. Prints {@code READY},
 * {@code STORED <ref>} per stored profile, {@code REFUSED <host>} per request the permit stopped, {@code DONE}.
 */
public final class FleetWorkerMain {
    private FleetWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser("scout");
        ds.setConnectTimeout(2);
        ds.setOptions(SessionSettings.options(SessionSettings.IDLE_IN_TRANSACTION_TIMEOUT)); // as the store's pool
        String worker = args[1];
        Duration lease = Duration.ofMillis(Long.parseLong(args[2]));
        double rate = Double.parseDouble(args[3]);
        int maxHosts = Integer.parseInt(args[4]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Clock clock = Clock.systemUTC();
        FleetDatabase db = new FleetDatabase(ds, args[0]);
        HostLeases leases = new HostLeases(db);
        WorkerRegistry workers = new WorkerRegistry(db);
        LeasedClaims claims = new LeasedClaims(db);
        LeaseKeeper keeper = new LeaseKeeper(leases, worker, clock, System::nanoTime, lease, lease.dividedBy(4));
        FleetFrontier frontier = new FleetFrontier(new SqlTestFrontier(ds, clock), claims, keeper,
                ref -> HostKey.of(URI.create(ref.value())), maxHosts, clock);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lease-renewal"));
        FetcherSettings settings = FetcherSettings.builder().allowPrivateAddresses(true).requestsPerSecond(rate)
                .maxInFlightPerHost(1).userAgent("ScoutBot/test (+https://scout.example; worker=" + worker + ")")
                .callTimeout(Duration.ofSeconds(5)).build();
        Backoff backoff = new Backoff();
        backoff.retry(() -> {
            workers.register(worker, "localhost", ProcessHandle.current().pid(), clock.instant());
            return null;
        });
        timer.scheduleWithFixedDelay(() -> renew(keeper, workers, worker, clock, out), lease.toMillis() / 3,
                lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        out.println("READY");
        try (OkHttpFetcher fetcher = OkHttpFetcher.builder(settings)
                .hostPermit(new FleetHostPermit(keeper, leases, clock)).build()) {
            while (true) {
                List<Frontier.Lease> claimed = backoff.retry(() ->
                        frontier.claim("main", 4 * maxHosts, clock.instant(), lease.multipliedBy(2)));
                if (claimed.isEmpty()) {
                    if (backoff.retry(() -> claims.remaining(clock.instant())) == 0) {
                        break;
                    }
                    Thread.sleep(50); // test code: an idle poll
                    continue;
                }
                List<CompletableFuture<Void>> all = new ArrayList<>();
                for (Frontier.Lease l : claimed) {
                    all.add(fetcher.fetch(FetchRequest.json(URI.create(l.ref().value()), l.ref().id()))
                            .thenAccept(outcome -> settle(l.ref(), outcome, frontier, db, worker, out, backoff)));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            }
        } finally {
            timer.shutdownNow();
        }
        backoff.retry(() -> {
            keeper.releaseAll();
            workers.stopped(worker, clock.instant());
            return null;
        });
        out.println("DONE");
    }

    private static void renew(LeaseKeeper keeper, WorkerRegistry workers, String worker, Clock clock, PrintStream out) {
        try {
            keeper.renewAll().forEach(h -> out.println("LOST " + h));
            workers.heartbeat(worker, clock.instant());
        } catch (FleetException e) {
            out.println("RENEW-FAILED " + e.kind()); // leases lapse by their local deadlines; retried next tick
        }
    }

    private static void settle(ProfileRef ref, FetchOutcome outcome, FleetFrontier frontier, FleetDatabase db,
                               String worker, PrintStream out, Backoff backoff) {
        if (outcome instanceof FetchOutcome.Fetched) {
            boolean stored = backoff.retry(() -> storeAndComplete(db, ref, worker));
            out.println((stored ? "STORED " : "LATE ") + ref.id());
        } else if (outcome instanceof FetchOutcome.Failed f && f.kind() == FetchOutcome.FailureKind.HOST_NOT_OWNED) {
            out.println("REFUSED " + HostKey.of(URI.create(ref.value())));
            backoff.retry(() -> {
                frontier.defer(ref, Instant.now());
                return null;
            });
        } else {
            backoff.retry(() -> {
                frontier.fail(ref, outcome.toString(), Optional.of(Instant.now()));
                return null;
            });
        }
    }

    /**
     * Stores the profile (a plain INSERT: a profile stored twice would show as two rows) and completes its entry in
     * one transaction, only while the entry is still this worker's claim; false (nothing stored) when its entry
     * lease ran out and another worker took it.
     */
    private static boolean storeAndComplete(FleetDatabase db, ProfileRef ref, String worker) {
        return db.inTransaction("store " + ref.id(), c -> {
            try (PreparedStatement done = c.prepareStatement("UPDATE frontier SET state = 'done', claimed_by = NULL,"
                    + " lease_until = NULL WHERE ref_id = ? AND state = 'in_flight' AND claimed_by = ?")) {
                done.setString(1, ref.id());
                done.setString(2, worker + "/main");
                if (done.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO stored_profiles (ref_id, worker) VALUES (?, ?)")) {
                ps.setString(1, ref.id());
                ps.setString(2, worker);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Retries database work while PostgreSQL is unreachable: 50 ms doubling to 2 s, for at most 60 s. */
    static final class Backoff {
        interface Work<T> {
            T run();
        }

        <T> T retry(Work<T> work) {
            long delay = 50;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    return work.run();
                } catch (FleetException e) {
                    if (e.kind() != FleetException.Kind.UNAVAILABLE || System.nanoTime() > deadline) {
                        throw e;
                    }
                    try {
                        Thread.sleep(delay); // test code: backoff while the database restarts
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                    delay = Math.min(2_000, delay * 2);
                }
            }
        }
    }
}
