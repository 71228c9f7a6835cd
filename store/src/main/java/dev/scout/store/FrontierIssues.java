package dev.scout.store;

import java.time.Instant;
import java.util.List;

/**
 * Frontier entries that did not succeed, told apart for {@code scout status}: those waiting for a retry after a
 * transient failure (a later run fetches them once they are due) and those that failed for good on a permanent
 * answer (never retried).
 *
 * @param waitingCount every entry waiting for a retry
 * @param waiting      the first of them, soonest due first
 * @param failedCount  every entry that failed for good
 * @param failed       the most recent of them
 */
public record FrontierIssues(long waitingCount, List<Waiting> waiting, long failedCount, List<Failed> failed) {

    public FrontierIssues {
        waiting = List.copyOf(waiting);
        failed = List.copyOf(failed);
    }

    /** No entry waits or failed. */
    public static FrontierIssues none() {
        return new FrontierIssues(0, List.of(), 0, List.of());
    }

    /**
     * An entry waiting for a retry.
     *
     * @param attempts     attempts made so far, over all runs
     * @param nextEligible when a run may fetch it again
     * @param reason       the last transient failure
     */
    public record Waiting(String id, int attempts, Instant nextEligible, String reason) {
    }

    /** An entry that failed for good, with the permanent answer. */
    public record Failed(String id, int attempts, String reason) {
    }
}
