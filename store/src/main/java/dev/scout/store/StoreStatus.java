package dev.scout.store;

import dev.scout.crawler.engine.Frontier.EntryState;
import dev.scout.model.Platform;

import java.util.List;
import java.util.Map;

/**
 * What {@code scout status} shows: the frontier by platform and state, the last runs, and what a resume would do.
 *
 * @param frontier  entry counts per platform and state (every state present, zeros included)
 * @param lastRuns  most recent runs, newest first
 * @param resume    the work a resumed run would find
 * @param issues    entries waiting for a retry after transient failures, and entries failed for good
 */
public record StoreStatus(Map<Platform, Map<EntryState, Long>> frontier, List<RunInfo> lastRuns, ResumePlan resume,
                          FrontierIssues issues) {

    public StoreStatus {
        frontier = Map.copyOf(frontier);
        lastRuns = List.copyOf(lastRuns);
        java.util.Objects.requireNonNull(issues, "issues");
    }

    /** A status without the entry lists. */
    public StoreStatus(Map<Platform, Map<EntryState, Long>> frontier, List<RunInfo> lastRuns, ResumePlan resume) {
        this(frontier, lastRuns, resume, FrontierIssues.none());
    }

    /**
     * @param pendingNew       never attempted, due now
     * @param retryDue         failed before and due again now (transient failures with a retry time)
     * @param scheduledLater   pending but not due yet (deferred host, retry time in the future)
     * @param inFlightExpired  claimed by a worker that is gone (lease expired): claimable again now
     * @param inFlightLeased   claimed and still under lease: claimable once the lease ends
     * @param failedFinal      failed without retry; a resume leaves them alone
     */
    public record ResumePlan(long pendingNew, long retryDue, long scheduledLater, long inFlightExpired,
                             long inFlightLeased, long failedFinal) {

        /** Entries a resume started now would fetch. */
        public long fetchableNow() {
            return pendingNew + retryDue + inFlightExpired;
        }
    }
}
