package dev.scout.demo;

import dev.scout.config.ScoutConfig;
import dev.scout.model.Platform;
import dev.scout.simnet.SimulatedNetwork;
import dev.scout.simnet.population.GroundTruth;
import dev.scout.simnet.population.Niche;
import dev.scout.simnet.population.SimAccount;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulator's ground truth for the demo niche, restricted to the platforms the demo config crawls (so recall is
 * measured fairly), with every account of those platforms by stable id so a wrong flag can be explained. Immutable.
 */
final class DemoTruth {
    private final Map<String, SimAccount> accounts;
    private final Set<String> picks;

    private DemoTruth(Map<String, SimAccount> accounts, Set<String> picks) {
        this.accounts = accounts;
        this.picks = picks;
    }

    static DemoTruth forCrawledPlatforms(SimulatedNetwork sim, ScoutConfig config) {
        Map<String, SimAccount> accounts = new HashMap<>();
        Set<String> picks = new TreeSet<>();
        for (SimAccount a : sim.population().accounts()) {
            if (a.platform() != Platform.YOUTUBE && config.platforms().enabled(a.platform())) {
                String id = a.stableId(sim.webBaseUrl());
                accounts.put(id, a);
                if (GroundTruth.isPick(a, Niche.demo())) {
                    picks.add(id);
                }
            }
        }
        return new DemoTruth(Map.copyOf(accounts), Set.copyOf(picks));
    }

    /** Stable ids a perfect scout flags, sorted. */
    Set<String> picks() {
        return new TreeSet<>(picks);
    }

    boolean isPick(String id) {
        return picks.contains(id);
    }

    Optional<SimAccount> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    /** The truth's reasons for {@code id}: what it fails, or for a pick its facts nearest a line. */
    String why(String id) {
        return account(id).map(a -> String.join("; ", GroundTruth.judge(a, Niche.demo()).reasons()))
                .orElse("not an account of the simulated network");
    }
}
