package dev.scout.demo.bench.fleet;

import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of child processes, from their last sample: a process's CPU time cannot be read once it has exited, so
 * the caller samples while it runs and the figure misses at most the last interval. Not thread-safe.
 */
final class CpuMeter {
    private final Map<Long, Double> lastSeconds = new HashMap<>();

    void sample(Process p) {
        sample(p.toHandle());
    }

    void sample(ProcessHandle p) {
        if (p.isAlive()) {
            double s = FleetRound.cpuSeconds(p);
            if (s > 0) {
                lastSeconds.put(p.pid(), s);
            }
        }
    }

    /** CPU seconds of every sampled process, summed. */
    double total() {
        return lastSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
