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
 * @param reason      why it ended so, one short line ("" for a completed or still running run)
 */
public record RunInfo(long id, String configHash, String version, Instant startedAt, Optional<Instant> finishedAt,
                      RunStatus status, Map<String, Long> counters, String reason) {

    /** Longest reason kept, in characters; longer ones are cut with an ellipsis. */
    public static final int MAX_REASON = 300;

    public RunInfo {
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        reason = reason == null ? "" : reason;
    }

    /**
     * How a run ended. A run left {@link #RUNNING} by a killed process stays so; {@code scout status} tells it from a
     * live one by the store's lock ({@link dev.scout.store.SqliteStore#inUse}).
     */
    public enum RunStatus {
        RUNNING,
        COMPLETED,
        /** Stopped by an error (exit code 1); the reason says which. */
        FAILED,
        /** Stopped by the user (Ctrl-C) or an interrupt. */
        INTERRUPTED,
        /** Stopped by a problem the user must fix in the command line, config or files (exit code 2). */
        USAGE_ERROR
    }
}
