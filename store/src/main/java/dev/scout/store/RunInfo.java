package dev.scout.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of Scout against this store.
 *
 * @param id          run id, increasing
 * @param configHash  hash of the effective configuration, so two runs can be compared
 * @param version     Scout version that ran
 * @param startedAt   start time
 * @param finishedAt  end time; empty while running or when the process died
 * @param status      how it ended
 * @param counters    named counters (profiles fetched, failed, flagged …)
 */
public record RunInfo(long id, String configHash, String version, Instant startedAt, Optional<Instant> finishedAt,
                      RunStatus status, Map<String, Long> counters) {

    public RunInfo {
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    /** How a run ended. A run left {@link #RUNNING} by a killed process stays so; {@code status} shows it as such. */
    public enum RunStatus {
        RUNNING,
        COMPLETED,
        FAILED,
        INTERRUPTED
    }
}
