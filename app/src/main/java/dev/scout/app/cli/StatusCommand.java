package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.console.TerminalText;
import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.Platform;
import dev.scout.store.RunInfo;
import dev.scout.store.FrontierIssues;
import dev.scout.store.Store;
import dev.scout.store.StoreStatus;
import dev.scout.store.postgres.PostgresStore;
import dev.scout.store.postgres.fleet.FleetDatabase;
import dev.scout.store.postgres.fleet.HostLeases;
import dev.scout.store.postgres.fleet.WorkerRegistry;
import dev.scout.app.pipeline.FleetSettings;
import dev.scout.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scout status}: the frontier by state and platform, the last runs, and what a resume would do. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows the store: profiles by state and platform, the last runs, and what a resume would do.")
public final class StatusCommand implements Callable<Integer> {
    private static final int REASON_WIDTH = 160;

    @Mixin
    StoreSource source;

    @Override
    public Integer call() {
        var storeFile = source.storeName();
        try (Store store = source.open()) {
            StoreStatus s = store.status(5);
            System.out.println("Store " + storeFile);
            System.out.printf(Locale.ROOT, "%-10s %9s %9s %9s %9s %9s%n", "platform", "pending", "in flight", "done", "failed", "skipped");
            for (Platform platform : Platform.values()) {
                Map<EntryState, Long> n = s.frontier().getOrDefault(platform, Map.of());
                System.out.printf(Locale.ROOT, "%-10s %9d %9d %9d %9d %9d%n", platform.key(),
                        n.getOrDefault(EntryState.PENDING, 0L), n.getOrDefault(EntryState.IN_FLIGHT, 0L),
                        n.getOrDefault(EntryState.DONE, 0L), n.getOrDefault(EntryState.FAILED, 0L),
                        n.getOrDefault(EntryState.SKIPPED, 0L));
            }
            System.out.println();
            System.out.println("Last runs:");
            if (s.lastRuns().isEmpty()) {
                System.out.println("  (none)");
            }
            java.time.Instant now = java.time.Instant.now();
            java.time.Duration lease = FleetSettings.defaults("").lease();
            Optional<FleetDatabase> fleet = store instanceof PostgresStore pg
                    ? Optional.of(new FleetDatabase(pg.dataSource(), pg.location().masked())) : Optional.empty();
            List<WorkerRegistry.WorkerRow> workers = fleet.map(db -> new WorkerRegistry(db).all()).orElse(List.of());
            // On a shared store a run is live while its run lock is held or any worker still reports in.
            boolean live = store instanceof PostgresStore pg ? Stores.runInProgress(store) || workers.stream().anyMatch(w ->
                    w.stoppedAt().isEmpty() && w.heartbeatAt().isAfter(now.minus(lease)))
                    : Stores.runInProgress(store);
            RunEndText ends = new RunEndText(s.lastRuns(), live);
            for (RunInfo r : s.lastRuns()) {
                System.out.printf(Locale.ROOT, "  run %d  %s  %s  scored %d, flagged %d, requests %d%n", r.id(),
                        r.startedAt(), ends.describe(r),
                        r.counters().getOrDefault("scored", 0L), r.counters().getOrDefault("flagged", 0L),
                        r.counters().getOrDefault("requests", 0L));
            }
            printIssues(s.issues());
            // A shared PostgreSQL store: the fleet's workers and host leases.
            fleet.ifPresent(db -> FleetStatusText.print(System.out, workers, new HostLeases(db).all(), now, lease));
            var plan = s.resume();
            System.out.println();
            System.out.printf(Locale.ROOT, "A resume now would fetch %d profiles (%d new, %d retries due, %d whose worker died);"
                            + " %d wait for a later time, %d are leased by a running crawl, %d failed for good.%n",
                    plan.fetchableNow(), plan.pendingNew(), plan.retryDue(), plan.inFlightExpired(),
                    plan.scheduledLater(), plan.inFlightLeased(), plan.failedFinal());
            return ExitCodes.OK;
        }
    }

    /** Transient failures (a later run retries them) apart from permanent ones (never retried), with reasons. */
    private static void printIssues(FrontierIssues issues) {
        System.out.println();
        System.out.println("Waiting for a retry after a transient failure (a later run fetches them once due): "
                + issues.waitingCount());
        for (FrontierIssues.Waiting w : issues.waiting()) {
            System.out.printf(Locale.ROOT, "  %s  attempts %d, due %s  %s%n", TerminalText.safe(w.id(), 80),
                    w.attempts(), w.nextEligible(), TerminalText.safe(w.reason(), REASON_WIDTH));
        }
        more(issues.waitingCount(), issues.waiting().size());
        System.out.println("Failed for good (a permanent answer such as 404/410, opted out, invalid; not retried): "
                + issues.failedCount());
        for (FrontierIssues.Failed f : issues.failed()) {
            System.out.printf(Locale.ROOT, "  %s  attempts %d  %s%n", TerminalText.safe(f.id(), 80), f.attempts(),
                    TerminalText.safe(f.reason(), REASON_WIDTH));
        }
        more(issues.failedCount(), issues.failed().size());
    }

    private static void more(long total, int shown) {
        if (total > shown) {
            System.out.println("  … and " + (total - shown) + " more");
        }
    }
}
