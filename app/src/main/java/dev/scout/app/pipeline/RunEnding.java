package dev.scout.app.pipeline;

import dev.scout.store.RunInfo.RunStatus;
import dev.scout.store.Store;

import java.util.Map;

/**
 * Records in the store how one run ended, so {@code scout status} can tell a failed run from a live or a killed one.
 * A failure to record is attached to the error that ended the run rather than hiding it. Not thread-safe.
 */
public final class RunEnding {
    private final Store store;
    private final long runId;

    public RunEnding(Store store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    public void completed(Map<String, Long> counters) {
        store.finishRun(runId, RunStatus.COMPLETED, "", counters);
    }

    public void failed(Throwable cause) {
        record(RunStatus.FAILED, reason(cause), cause);
    }

    public void usageError(Throwable cause) {
        record(RunStatus.USAGE_ERROR, reason(cause), cause);
    }

    public void interrupted(String why, Throwable cause) {
        record(RunStatus.INTERRUPTED, why, cause);
    }

    private void record(RunStatus status, String reason, Throwable cause) {
        // The store refuses callers whose interrupt flag is set; clear it to record, then set it again.
        boolean interrupted = Thread.interrupted();
        try {
            store.finishRun(runId, status, reason, Map.of());
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The message a user saw, or the exception's type when it has none. */
    private static String reason(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
