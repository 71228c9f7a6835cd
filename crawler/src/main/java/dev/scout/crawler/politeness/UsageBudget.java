package dev.scout.crawler.politeness;

import java.util.ArrayDeque;

/**
 * Paces a host that reports its usage as a percentage of a rolling-window budget (Meta's {@code X-App-Usage},
 * {@code X-Business-Use-Case-Usage}) so that usage stays under a ceiling. The cost of one request in percent is
 * learned from our own requests in the window: usage {@code u} after {@code n} of them means a cost below
 * {@code (u + 1) / n} (percentages are whole numbers), the tightest such bound seen is kept, and the window may hold
 * {@code ceiling / cost} requests — spread evenly over the window, never burst. Usage at or over the ceiling stops the
 * host until enough of our requests have left the window; {@code estimated_time_to_regain_access} pauses it.
 * Not thread-safe: the owning lane guards it.
 */
final class UsageBudget {
    /** Our starts remembered, at most (a day of one request per second). */
    private static final int MAX_REMEMBERED = 100_000;
    private static final double NANOS = 1e9;

    private final double ceilingPercent;
    private final long windowNanos;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private boolean known;
    private double costBound = Double.POSITIVE_INFINITY;
    private int lastPercent;
    private long observedAt;
    /** Our requests in the window when the last report was made. */
    private long countAtReport;

    /**
     * @param ceilingPercent usage to stay under, in percent (0, 100]
     * @param windowNanos    the rolling window the percentages refer to (Meta: one hour)
     */
    UsageBudget(double ceilingPercent, long windowNanos) {
        this.ceilingPercent = ceilingPercent;
        this.windowNanos = windowNanos;
    }

    boolean known() {
        return known;
    }

    void onStart(long now) {
        forget(now);
        if (starts.size() == MAX_REMEMBERED) {
            starts.pollFirst();
        }
        starts.addLast(now);
    }

    /**
     * @param inFlightOthers our requests still in flight, which the reported usage does not include yet
     */
    void observe(UsageReport report, long now, int inFlightOthers) {
        forget(now);
        known = true;
        observedAt = now;
        lastPercent = report.percent();
        countAtReport = starts.size();
        long counted = starts.size() - inFlightOthers;
        if (counted > 0) {
            costBound = Math.min(costBound, (report.percent() + 1.0) / counted);
        }
    }

    /** Requests the window may hold while usage stays under the ceiling, or MAX_VALUE before anything is known. */
    long allowedInWindow() {
        if (!known || Double.isInfinite(costBound)) {
            return known && lastPercent >= ceilingPercent ? 0 : Long.MAX_VALUE;
        }
        return (long) Math.floor(ceilingPercent / costBound);
    }

    /** Even spacing of the allowed requests over the window. */
    long spacingNanos() {
        long allowed = allowedInWindow();
        if (allowed == Long.MAX_VALUE) {
            return 0;
        }
        return allowed <= 0 ? windowNanos : windowNanos / allowed;
    }

    /** The earliest start that keeps our requests in the window within what is allowed. */
    long earliestStart(long now) {
        forget(now);
        long allowed = allowedInWindow();
        // A report older than the window describes requests that have all left it.
        boolean current = now < observedAt + windowNanos;
        if (current && lastPercent >= ceilingPercent) {
            allowed = Math.min(allowed, countAtReport); // at the ceiling: one of ours must leave the window first
        }
        if (allowed == Long.MAX_VALUE || starts.size() < allowed) {
            return now;
        }
        if (starts.isEmpty()) {
            return observedAt + windowNanos; // at the ceiling with none of ours in the window: others use it
        }
        // Wait until enough of ours have left the window to make room for one more.
        long excess = starts.size() - Math.max(0, allowed) + 1;
        long i = 0;
        for (long t : starts) {
            if (++i == excess) {
                return t + windowNanos;
            }
        }
        return now + windowNanos;
    }

    /** The usage last reported, in percent. */
    int lastPercent() {
        return lastPercent;
    }

    /** Sustained rate allowed, in requests per second, for events and tests (0 before anything is known). */
    double sustainedRate() {
        long allowed = allowedInWindow();
        return allowed == Long.MAX_VALUE ? 0 : allowed / (windowNanos / NANOS);
    }

    private void forget(long now) {
        while (!starts.isEmpty() && starts.peekFirst() <= now - windowNanos) {
            starts.pollFirst();
        }
    }
}
