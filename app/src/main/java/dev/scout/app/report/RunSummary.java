package dev.scout.app.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Facts about a run shown at the top of the report.
 *
 * @param runId           the run's id
 * @param started         when the run started
 * @param wallTime        how long it took
 * @param profilesScored  profiles the scorer saw
 * @param flagged         profiles that passed every gate
 * @param requests        HTTP requests made (0 for a run that only scored stored data)
 * @param rateLimited     responses with status 429
 * @param precision       share of flagged profiles that are true picks, when ground truth is known (simulator)
 * @param recall          share of true picks that were flagged, when ground truth is known
 * @param extraLines      free-form lines (niche, seeds, config file, …), shown as text
 */
public record RunSummary(String runId, Instant started, Duration wallTime, long profilesScored, long flagged,
                         long requests, long rateLimited, OptionalDouble precision, OptionalDouble recall,
                         List<String> extraLines) {

    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(wallTime, "wallTime");
        precision = precision == null ? OptionalDouble.empty() : precision;
        recall = recall == null ? OptionalDouble.empty() : recall;
        extraLines = extraLines == null ? List.of() : List.copyOf(extraLines);
    }
}
