package dev.scout.app.cli;

import dev.scout.app.UsageException;
import dev.scout.app.demo.SimulatedWorld;
import dev.scout.store.postgres.PostgresLocation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options of {@code scout bench fleet}, checked once, all problems reported together (exit 2) before anything
 * starts. Stateless.
 */
final class FleetArguments {
    static final int HOSTS = SimulatedWorld.FleetOptions.HOSTS;
    static final int DEFAULT_MAX_HOSTS = 2;
    static final int DEFAULT_PROFILES = 480;
    static final String DEFAULT_HOST_RATE = "4/2";
    /** More workers than this on one machine measure the machine, not the fleet. */
    static final int MAX_WORKERS = 16;

    private FleetArguments() {
    }

    /** The checked values; {@link #options} adds what the other benchmarks share. */
    record Checked(List<Integer> workers, int maxHosts, int profiles, int limit, Duration window,
                   Optional<String> store) {
        SimulatedWorld.FleetOptions options(String heap, Path dir, boolean killOne) {
            return new SimulatedWorld.FleetOptions(workers, maxHosts, store, profiles, limit, window, heap, dir, killOne);
        }
    }

    /**
     * @param profiles null for the default
     * @throws UsageException naming every option that is wrong, with its value and the rule
     */
    static Checked check(List<Integer> workers, int maxHosts, Integer profiles, String hostRate, String store) {
        List<String> problems = new ArrayList<>();
        if (workers.isEmpty() || workers.stream().anyMatch(w -> w == null || w < 1 || w > MAX_WORKERS)) {
            problems.add("--workers must be whole numbers between 1 and " + MAX_WORKERS + " (got " + workers + ")");
        } else if (workers.stream().distinct().count() != workers.size()) {
            problems.add("--workers must not repeat a count (got " + workers + ")");
        }
        if (maxHosts < 1 || maxHosts > HOSTS) {
            problems.add("--max-hosts must be between 1 and " + HOSTS + ", the simulated hosts (got " + maxHosts + ")");
        }
        int n = profiles != null ? profiles : DEFAULT_PROFILES;
        if (n < HOSTS || n > 100_000) {
            problems.add("--profiles must be between " + HOSTS + " (one per host) and 100000 (got " + n + ")");
        }
        int limit = 0;
        Duration window = Duration.ZERO;
        String[] parts = hostRate.split("/", -1);
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            limit = Integer.parseInt(parts[0].strip());
            window = Duration.ofSeconds(Long.parseLong(parts[1].strip()));
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > 10_000 || window.isZero() || window.isNegative() || window.toSeconds() > 3_600) {
            problems.add("--host-rate must be LIMIT/SECONDS with LIMIT 1..10000 and SECONDS 1..3600, e.g. "
                    + DEFAULT_HOST_RATE + " (got '" + hostRate + "')");
        }
        Optional<String> url = Optional.ofNullable(store).filter(s -> !s.isBlank());
        if (url.isPresent()) {
            try {
                PostgresLocation.parse(url.get());
            } catch (IllegalArgumentException e) {
                problems.add("--store: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("; ", problems));
        }
        return new Checked(List.copyOf(workers), maxHosts, n, limit, window, url);
    }
}
