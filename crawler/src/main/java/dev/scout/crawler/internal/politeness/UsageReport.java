package dev.scout.crawler.internal.politeness;

import java.time.Duration;
import java.util.Optional;

/**
 * Meta's usage headers reduced to what pacing needs.
 *
 * @param percent      the highest usage percentage reported ({@code call_count}, {@code total_time},
 *                     {@code total_cputime}, over every business object); 100 means throttled
 * @param regainAccess {@code estimated_time_to_regain_access} when the server gave one greater than zero
 */
public record UsageReport(int percent, Optional<Duration> regainAccess) {
}
