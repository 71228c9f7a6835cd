package dev.scout.app.cli;

import dev.scout.config.ScoutConfig;
import dev.scout.model.Platform;
import dev.scout.simnet.SimulatedNetwork;

import java.util.HashSet;
import java.util.Set;

/** The simulator's ground truth restricted to the platforms the demo config crawls, so recall is measured fairly. */
final class DemoTruth {
    private DemoTruth() {
    }

    static Set<String> forCrawledPlatforms(SimulatedNetwork sim, ScoutConfig config) {
        Set<String> truth = new HashSet<>();
        for (Platform p : Platform.values()) {
            if (config.platforms().enabled(p)) {
                truth.addAll(sim.groundTruth(p));
            }
        }
        return Set.copyOf(truth);
    }
}
