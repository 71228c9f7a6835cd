package dev.scout.model;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One earlier observation of a profile's audience, from a previous crawl; the store supplies them so the scorer
 * can compute growth and spot sudden jumps.
 *
 * @param observedAt     when the counts were read
 * @param followers      followers at that time
 * @param engagementRate engagement rate measured then (fraction), when posts were read
 */
public record HistoryPoint(Instant observedAt, long followers, OptionalDouble engagementRate) {
    public HistoryPoint {
        Objects.requireNonNull(observedAt, "observedAt");
        engagementRate = engagementRate == null ? OptionalDouble.empty() : engagementRate;
    }
}
