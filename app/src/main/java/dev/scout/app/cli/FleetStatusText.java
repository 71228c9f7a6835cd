package dev.scout.app.cli;

import dev.scout.app.console.TerminalText;
import dev.scout.store.postgres.fleet.HostLeases;
import dev.scout.store.postgres.fleet.LearnedLimit;
import dev.scout.store.postgres.fleet.WorkerRegistry;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fleet part of {@code scout status} on a PostgreSQL store: each worker (machine, pid, crawling or idle, last
 * heartbeat, hosts it holds) and each host lease (owner, fencing token, until when, requests sent, takeovers, learned
 * limit). A worker whose heartbeat is older than {@code staleAfter} is shown as {@code silent} (killed or cut off:
 * its leases expire on their own).
 */
final class FleetStatusText {
    private FleetStatusText() {
    }

    static void print(PrintStream out, List<WorkerRegistry.WorkerRow> workers, List<HostLeases.HostLeaseRow> leases,
                      Instant now, Duration staleAfter) {
        Map<String, Long> held = leases.stream().filter(l -> l.heldAt(now))
                .collect(Collectors.groupingBy(l -> l.owner().orElseThrow(), Collectors.counting()));
        out.println();
        out.println("Workers sharing this store: " + workers.size());
        if (!workers.isEmpty()) {
            out.printf(Locale.ROOT, "  %-28s %-20s %8s  %-9s %-22s %s%n", "worker", "machine", "pid", "state",
                    "last heartbeat", "hosts held");
        }
        for (WorkerRegistry.WorkerRow w : workers) {
            String state = w.stoppedAt().isPresent() ? "stopped"
                    : Duration.between(w.heartbeatAt(), now).compareTo(staleAfter) > 0 ? "silent"
                    : w.crawling() ? "crawling" : "idle";
            out.printf(Locale.ROOT, "  %-28s %-20s %8d  %-9s %-22s %d%n", TerminalText.safe(w.worker(), 28),
                    TerminalText.safe(w.machine(), 20), w.pid(), state, w.heartbeatAt(),
                    held.getOrDefault(w.worker(), 0L));
        }
        out.println("Host leases: " + leases.size() + " hosts, " + held.values().stream().mapToLong(Long::longValue).sum()
                + " held now");
        if (!leases.isEmpty()) {
            out.printf(Locale.ROOT, "  %-32s %-28s %7s %-22s %9s %9s  %s%n", "host", "held by", "token", "until",
                    "requests", "takeovers", "learned limit");
        }
        for (HostLeases.HostLeaseRow l : leases) {
            String owner = l.heldAt(now) ? l.owner().orElseThrow() : l.owner().map(o -> "(expired: " + o + ")")
                    .orElse("(free)");
            out.printf(Locale.ROOT, "  %-32s %-28s %7d %-22s %9d %9d  %s%n", TerminalText.safe(l.host(), 32),
                    TerminalText.safe(owner, 28), l.token(), l.leaseUntil(), l.requestsSent(), l.takeovers(),
                    l.learnedLimit().map(FleetStatusText::limit).orElse("-"));
        }
    }

    private static String limit(LearnedLimit l) {
        return String.format(Locale.ROOT, "%.2f req/s (%s)", l.requestsPerSecond(), l.learnedAt());
    }
}
