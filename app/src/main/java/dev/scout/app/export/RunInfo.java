package dev.scout.app.export;

import java.time.Instant;
import java.util.Objects;

/**
 * Identifies the run that produced an export, so rows from two runs can be told apart in a CRM.
 *
 * @param runId        unique id of the run, written to every row ({@code run_id})
 * @param startedAt    when the run started
 * @param scoreVersion version of the scoring rules the run used
 * @param configHash   a hash of the effective configuration, or a label such as {@code demo}
 * @param reviews      the scouts' reviews written in the {@code review_*} columns ({@link ReviewLookup#NONE} for none)
 */
public record RunInfo(String runId, Instant startedAt, String scoreVersion, String configHash, ReviewLookup reviews) {

    /** A run whose export has no reviews to show. */
    public RunInfo(String runId, Instant startedAt, String scoreVersion, String configHash) {
        this(runId, startedAt, scoreVersion, configHash, ReviewLookup.NONE);
    }

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(scoreVersion, "scoreVersion");
        Objects.requireNonNull(configHash, "configHash");
        Objects.requireNonNull(reviews, "reviews");
        if (runId.isBlank()) {
            throw new IllegalArgumentException("runId must not be blank");
        }
    }

    /** This run with {@code lookup}'s reviews in its export. */
    public RunInfo withReviews(ReviewLookup lookup) {
        return new RunInfo(runId, startedAt, scoreVersion, configHash, lookup);
    }
}
