package dev.scout.demo.bench.fleet;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * One fleet measurement.
 *
 * @param workers       worker processes started
 * @param killed        whether one of them was killed (SIGKILL) mid-crawl
 * @param seeded        profiles put in the frontier
 * @param profiles      profiles the crawl finished: stored, or skipped (the funnel) or failed with a reason
 * @param seconds       from the first to the last request the hosts saw
 * @param requests      requests the hosts received
 * @param overLimit     requests over a host's advertised limit, summed over hosts (the hosts count them)
 * @param lost          seeded profiles left unfinished, or marked done without a snapshot
 * @param storedTwice   profiles with more than one snapshot
 * @param failedWorkers workers that exited with a non-zero code (the killed one not counted)
 * @param finishers     workers that scored the run and wrote the outputs (exactly one is right)
 * @param workerCpu     CPU seconds of the worker JVMs, summed
 * @param simCpu        CPU seconds of this JVM (the simulated hosts) during the measurement
 * @param pgCpu         CPU seconds of the PostgreSQL server's processes (NaN: a server given by URL, not measured)
 * @param commits       transactions committed in the measurement's database (each auto-commit statement is one)
 */
record FleetResult(int workers, boolean killed, long seeded, long profiles, double seconds, long requests,
                   long overLimit, long lost, long storedTwice, int failedWorkers, int finishers, double workerCpu,
                   double simCpu, double pgCpu, long commits) {

    double perSecond() {
        return seconds > 0 ? profiles / seconds : 0;
    }

    /** 0 over limit, 0 lost, 0 stored twice, every worker ended well and exactly one finished the run. */
    boolean clean() {
        return overLimit == 0 && lost == 0 && storedTwice == 0 && failedWorkers == 0 && finishers == 1;
    }

    String label() {
        return workers + (killed ? " (1 killed)" : "");
    }

    static void printTable(List<FleetResult> results, PrintStream out) {
        double base = results.stream().filter(r -> r.workers() == 1 && !r.killed()).mapToDouble(FleetResult::perSecond)
                .findFirst().orElse(Double.NaN);
        out.printf(Locale.ROOT, "%-12s %8s %8s %10s %8s %10s %5s %9s %8s %10s %10s %7s %7s%n", "workers",
                "profiles", "seconds", "profiles/s", "speed-up", "over limit", "lost", "stored 2x", "requests",
                "DB tx/prof", "worker CPU", "sim CPU", "pg CPU");
        for (FleetResult r : results) {
            String speedUp = Double.isNaN(base) ? "-" : String.format(Locale.ROOT, "%.2fx", r.perSecond() / base);
            out.printf(Locale.ROOT, "%-12s %8d %8.1f %10.2f %8s %10d %5d %9d %8d %10.1f %9.1fs %6.1fs %6.1fs%s%n",
                    r.label(), r.profiles(), r.seconds(), r.perSecond(), speedUp, r.overLimit(), r.lost(),
                    r.storedTwice(), r.requests(), r.profiles() == 0 ? 0.0 : (double) r.commits() / r.profiles(),
                    r.workerCpu(), r.simCpu(), r.pgCpu(), r.failedWorkers() > 0 || r.finishers() != 1
                            ? "  (" + r.failedWorkers() + " workers failed, " + r.finishers() + " finished the run)" : "");
        }
    }
}
