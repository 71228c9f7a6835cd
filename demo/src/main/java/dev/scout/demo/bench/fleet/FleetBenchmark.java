package dev.scout.demo.bench.fleet;

import dev.scout.demo.bench.BenchPostgres;
import dev.scout.demo.bench.JavaCommand;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code scout bench fleet}: {@value FleetSetup#HOSTS} simulated hosts, each advertising a low rate limit, crawled by
 * 1, 2 and 4 real {@code scout worker} JVMs (each leasing at most {@code maxHosts} hosts, so the crawl is bound by
 * the hosts' limits) on one PostgreSQL, a fresh database per measurement; then, if asked, the largest worker count
 * with one worker killed mid-crawl. Targets (issue 16): the largest count at least {@value #TARGET_SPEED_UP}x the
 * profiles/s of one worker when it is 4 or more; everywhere 0 requests over a host's limit, 0 lost, 0 stored twice.
 */
public final class FleetBenchmark {
    /** The target for 4 workers against 1 on host-bound work. */
    static final double TARGET_SPEED_UP = 3.5;

    /**
     * @param workers       worker counts, measured in this order
     * @param maxHosts      hosts a worker leases at a time
     * @param store         the PostgreSQL server ({@code postgresql://…}); empty = a throwaway local one
     * @param profiles      profiles in the frontier, even over the hosts
     * @param hostRate      requests each host allows per {@code window}, advertised
     * @param window        each host's fixed rate-limit window
     * @param heap          -Xmx of each worker
     * @param dir           working folder
     * @param killOne       also measure the largest count with one worker killed
     */
    public record Settings(List<Integer> workers, int maxHosts, Optional<String> store, int profiles, int hostRate,
                           Duration window, String heap, Path dir, boolean killOne) {
        public Settings {
            workers = List.copyOf(workers);
        }

        /**
         * The instances' configured rate: twice what each advertises, so the advertised limit (which the crawler's
         * pacer reads from every answer) is what holds the crawl back, not the config.
         */
        double configuredRps() {
            return 2.0 * hostRate / (window.toNanos() / 1e9);
        }
    }

    /** Flyway reports every migration through java.util.logging; the table is what this command prints. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private final JavaCommand java;

    public FleetBenchmark() {
        this(JavaCommand.current());
    }

    FleetBenchmark(JavaCommand java) {
        this.java = java;
    }

    /** Runs every measurement, prints the table and the targets; true when every target was met. */
    public boolean run(Settings s, PrintStream out) throws InterruptedException {
        FLYWAY.setLevel(Level.WARNING);
        List<FleetResult> results = new ArrayList<>();
        try (BenchPostgres postgres = BenchPostgres.open(s.store())) {
            out.println("fleet: PostgreSQL: " + postgres.describe());
            FleetRound round = new FleetRound(s, java, postgres, out);
            for (int n : s.workers()) {
                results.add(round.run(n, false));
                FleetResult.printTable(results.subList(results.size() - 1, results.size()), out);
            }
            if (s.killOne()) {
                int most = s.workers().stream().mapToInt(Integer::intValue).max().orElseThrow();
                results.add(round.run(most, true));
            }
        }
        out.println();
        FleetResult.printTable(results, out);
        return targets(results, out);
    }

    /** Prints each target and whether it was met; true when all were. */
    static boolean targets(List<FleetResult> results, PrintStream out) {
        boolean met = true;
        for (FleetResult r : results) {
            if (!r.clean()) {
                met = false;
                out.printf(Locale.ROOT, "target missed: %s workers: %d over limit, %d lost, %d stored twice,"
                                + " %d workers failed, %d finished the run (want 0, 0, 0, 0, 1)%n", r.label(),
                        r.overLimit(), r.lost(), r.storedTwice(), r.failedWorkers(), r.finishers());
            }
        }
        Optional<FleetResult> one = find(results, 1);
        Optional<FleetResult> most = results.stream().filter(r -> !r.killed() && r.workers() >= 4)
                .reduce((a, b) -> b.workers() >= a.workers() ? b : a);
        if (one.isPresent() && most.isPresent()) {
            double speedUp = most.get().perSecond() / one.get().perSecond();
            boolean ok = speedUp >= TARGET_SPEED_UP;
            met &= ok;
            out.printf(Locale.ROOT, "target %s: %d workers at %.2fx the profiles/s of 1 (want >= %.1fx)%n",
                    ok ? "met" : "missed", most.get().workers(), speedUp, TARGET_SPEED_UP);
        } else {
            out.println("speed-up target not checked: it needs 1 and 4 (or more) in --workers");
        }
        if (met) {
            out.println("every target met: 0 over limit, 0 lost, 0 stored twice");
        }
        return met;
    }

    private static Optional<FleetResult> find(List<FleetResult> results, int workers) {
        return results.stream().filter(r -> r.workers() == workers && !r.killed()).findFirst();
    }
}
