package dev.scout.crawler.internal.politeness;

import java.util.ArrayDeque;

/**
 * Paces a host that reports its usage as a percentage of a rolling-window budget (Meta's {@code X-App-Usage},
 * {@code X-Business-Use-Case-Usage}) so that usage stays under a ceiling: the window may hold {@code ceiling / cost}
 * of our requests, spread evenly over it (Meta asks for spread traffic), and usage at the ceiling stops the host until
 * enough of our requests have left the window. This is the one place Scout turns usage percentages into pacing.
 *
 * <p>The cost of one request in percent is bounded from above by counting our calls per observed percent step. The
 * percentages are whole numbers (Meta's rounding unknown), so one call may show as a whole point: the first call of a
 * budget of 10,000 calls an hour reads 1%. What is sound whatever the rounding: the reported value changes when the
 * real usage crosses fixed thresholds one point apart, so if a report at {@code p1} came after our call {@code k1}
 * and a later report at {@code p2} after call {@code k2}, the calls strictly between them cost less than
 * {@code p2 + 1 - p1} points: {@code cost < (p2 + 1 - p1) / (k2 - k1)}. The tightest such bound over the epoch's
 * reports is kept (a lower bound on calls per percent). Until the percentage has moved at least once this bound
 * says little (two calls at 1% only prove a cost under 1% each) and pacing stays at the configured rate; the old
 * reading of "1% after one call" as 1% per call spread 80 calls over an hour.
 *
 * <p>The bound holds only while no counted call leaves the rolling window and no other client's calls leave it
 * (usage dropping): an epoch of reports ends after one window or at a drop, and the next starts afresh, keeping the
 * bound found so far. Not thread-safe: the owning lane guards it.
 */
final class UsageBudget {
    /** Our starts remembered, at most (a day of one request per second). */
    private static final int MAX_REMEMBERED = 100_000;
    /** Percentages above this are not tracked per value (the parser caps at 1000 anyway). */
    private static final int MAX_PERCENT = 1000;
    private static final double NANOS = 1e9;

    private final double ceilingPercent;
    private final long windowNanos;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    /** Our starts since this budget was made. */
    private long startedTotal;
    private boolean known;
    private double costBound = Double.POSITIVE_INFINITY;
    private int lastPercent;
    private long observedAt;
    /** Our requests in the window when the last report was made. */
    private long countAtReport;

    /** The epoch of reports the bound is taken over; see the class comment. */
    private long epochEnds = Long.MIN_VALUE;
    private int epochLast = -1;
    /** Per percent value seen in the epoch: the most calls we may have made before its first report (or -1). */
    private long[] firstHi = new long[0];
    /** Per percent value seen in the epoch: the fewest calls the server surely counted at its last report. */
    private long[] lastLo = new long[0];
    private int lowestInEpoch = Integer.MAX_VALUE;
    private boolean movedInEpoch;

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
        startedTotal++;
    }

    /**
     * @param inFlightOthers our requests still in flight, which the reported usage may or may not include yet
     */
    void observe(UsageReport report, long now, int inFlightOthers) {
        forget(now);
        known = true;
        int p = Math.max(0, Math.min(MAX_PERCENT, report.percent()));
        if (now >= epochEnds || p < epochLast) {
            startEpoch(now);
        }
        long hi = startedTotal;
        long lo = Math.max(0, startedTotal - Math.max(0, inFlightOthers));
        if (firstHi[p] < 0) {
            firstHi[p] = hi;
        }
        lastLo[p] = lo;
        if (epochLast >= 0 && p != epochLast) {
            movedInEpoch = true;
        }
        epochLast = p;
        lowestInEpoch = Math.min(lowestInEpoch, p);
        if (movedInEpoch) {
            tightenBound(p);
        }
        observedAt = now;
        lastPercent = p;
        countAtReport = starts.size();
    }

    /** Requests the window may hold while usage stays under the ceiling, or MAX_VALUE while nothing bounds it. */
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

    /** The upper bound on one request's cost in percent, or infinity while none is known. */
    double costBound() {
        return costBound;
    }

    /** Sustained rate allowed, in requests per second, for events and tests (0 while nothing bounds it). */
    double sustainedRate() {
        long allowed = allowedInWindow();
        return allowed == Long.MAX_VALUE ? 0 : allowed / (windowNanos / NANOS);
    }

    private void startEpoch(long now) {
        // Our oldest call still in the window leaves it first; until then the server's count only grows by ours
        // (and by other clients, which only loosens the bound).
        long oldest = starts.isEmpty() ? now : starts.peekFirst();
        epochEnds = oldest + windowNanos;
        epochLast = -1;
        lowestInEpoch = Integer.MAX_VALUE;
        movedInEpoch = false;
        firstHi = new long[MAX_PERCENT + 1];
        lastLo = new long[MAX_PERCENT + 1];
        java.util.Arrays.fill(firstHi, -1);
        java.util.Arrays.fill(lastLo, -1);
    }

    /** Pairs (first report at p1, last report at p) of this epoch, p1 ≤ p: cost < (p + 1 - p1) / calls between. */
    private void tightenBound(int p) {
        for (int p1 = lowestInEpoch; p1 <= p; p1++) {
            if (firstHi[p1] < 0) {
                continue;
            }
            long between = lastLo[p] - firstHi[p1];
            if (between > 0) {
                costBound = Math.min(costBound, (p + 1.0 - p1) / between);
            }
        }
    }

    private void forget(long now) {
        while (!starts.isEmpty() && starts.peekFirst() <= now - windowNanos) {
            starts.pollFirst();
        }
    }
}
