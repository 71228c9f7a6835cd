package dev.scout.store;

import java.util.List;

/**
 * One page of {@link Store#candidates}: the rows and how many rows match the filters in all.
 *
 * @param rows  at most the query's limit, in its order
 * @param total rows matching the filters across every page
 */
public record CandidatePage(List<CandidateRow> rows, long total) {
    public CandidatePage {
        rows = List.copyOf(rows);
    }
}
