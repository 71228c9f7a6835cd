package dev.scout.crawler.internal.politeness;

/** Work waiting in a host lane: one HTTP attempt. Implementations must not block in these callbacks. */
public interface LaneTask {

    /**
     * The lane let the task start (called outside any lane lock). The task must later call
     * {@link HostScheduler#finished(String)} exactly once for this start.
     *
     * @param waitedNanos time spent queued in the lane
     */
    void start(long waitedNanos);

    /** The host's circuit stayed open longer than the task may wait; the task ends without starting. */
    void circuitOpenTooLong(long waitedNanos);

    /**
     * The host's pacing (usage at its ceiling, an announced pause, an advertised window) holds its next request for
     * longer than a task may wait; the task ends without starting.
     *
     * @param waitNanos how long from now the host's next request may go
     */
    void pacedTooLong(long waitNanos);
}
