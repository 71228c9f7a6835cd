package dev.scout.crawler.internal.politeness;

/**
 * A host's advertised limit as a sustained rate and a burst, learned from successive {@link ServerQuota}
 * observations. Two shapes are told apart by evidence:
 * <ul>
 *   <li><b>window</b> (fixed window, Mastodon, Bluesky): Remaining only falls until the reset instant jumps a whole
 *       window ahead. Paced at Limit / window (stated by a policy header or learned from successive resets), so a
 *       300-per-5-minutes limit is spread, not burst; a hard stop when the budget is spent until the reset;</li>
 *   <li><b>bucket</b> (continuous refill, e.g. Reset = "seconds until the bucket is full"): Remaining rises while
 *       the reset instant does not jump. The refill rate is estimated from successive observations (tokens
 *       gained + requests spent, over time; a lower bound that tightens as the baseline grows) and from
 *       Limit − Remaining over Reset, and a local mirror of the bucket lets requests go whenever it holds a token,
 *       so the burst is used and the sustained rate is kept instead of draining and sleeping to Reset.</li>
 * </ul>
 * Counts of requests started and rejected are passed in by the owning {@link HostPacer}. Not thread-safe.
 */
final class QuotaModel {
    /**
     * Share of a window limit we aim for when its length was learned from successive resets (jitter may make it look
     * shorter). A window the server states is used in full: the budget's hard stop keeps us inside it anyway.
     */
    static final double UTILISATION = 0.98;
    /** Added after a reset time so that we do not arrive a hair before the server's window turns over. */
    static final long RESET_SLACK_NANOS = 5_000_000L;
    /** A reset instant that moves by this much or more between two answers marks a new window. */
    static final long WINDOW_JUMP_NANOS = 750_000_000L;
    /**
     * Tokens gained beyond what requests explain, within one window, that prove a continuous refill — on top of
     * twice the most requests seen in flight, since answers that overtake each other can each look like one token.
     */
    static final double REFILL_EVIDENCE = 2.0;
    /** Tokens the bucket mirror keeps in hand against jitter between our clock and the server's. */
    static final double MARGIN = 0.1;
    private static final double NANOS = 1e9;

    private boolean known;
    private long limit;
    /** The most Remaining seen, plus the request that drew it: a bucket's capacity may be below Limit (IETF q). */
    private long capacity;
    /** The most other requests seen in flight at an answer: how far out of order answers may be. */
    private int maxInFlightSeen;
    private long statedWindowNanos;
    private long learnedWindowNanos;
    private boolean bucket;

    // The newest observation: tokens left once the requests in flight then are counted, when, after how many starts.
    private double tokensAt;
    private long observedAt;
    private long startsAt;
    private long resetAt;

    // Anchor of the refill estimate.
    private double anchorTokens;
    private long anchorAt;
    private long anchorStarts;
    private long anchorRejected;
    private double refillRate;
    private long refillBaselineNanos;
    private double resetBoundRate;

    boolean known() {
        return known;
    }

    boolean bucket() {
        return bucket;
    }

    long resetAt() {
        return resetAt;
    }

    /**
     * @param inFlightOthers requests still in flight that the server may not have counted yet
     * @param starts         requests started on this host so far
     * @param rejected       of those, answered 429 (they did not spend a token)
     */
    void observe(ServerQuota q, long now, int inFlightOthers, long starts, long rejected) {
        long newResetAt = now + q.resetIn().toNanos();
        double tokens = q.remaining() - inFlightOthers;
        maxInFlightSeen = Math.max(maxInFlightSeen, inFlightOthers);
        q.window().ifPresent(w -> statedWindowNanos = w.toNanos());
        limit = q.limit();
        capacity = Math.min(limit, Math.max(capacity, q.remaining() + 1));
        if (!known) {
            known = true;
            take(tokens, now, starts, newResetAt);
            anchor(now, starts, rejected);
            return;
        }
        if (bucket) {
            observeBucket(q, tokens, now, starts, rejected, newResetAt);
            return;
        }
        long step = newResetAt - resetAt;
        if (step <= -WINDOW_JUMP_NANOS) {
            return; // a late answer from a window that is already over: it says nothing about the current one
        }
        if (step >= WINDOW_JUMP_NANOS) {
            if (statedWindowNanos == 0 && now >= resetAt - 4 * RESET_SLACK_NANOS) {
                // The window turned over: the distance between the two resets is its length. Keep the smallest
                // seen, because idle gaps can skip whole windows.
                long observed = wholeSeconds(step);
                learnedWindowNanos = learnedWindowNanos == 0 ? observed : Math.min(learnedWindowNanos, observed);
            }
            take(tokens, now, starts, newResetAt);
            anchor(now, starts, rejected);
            return;
        }
        if (refill(tokens, starts, rejected) >= REFILL_EVIDENCE + 2.0 * maxInFlightSeen && now > anchorAt) {
            // More tokens than the requests explain, with no new window: the server refills continuously.
            bucket = true;
            refillBaselineNanos = 0;
            observeBucket(q, tokens, now, starts, rejected, newResetAt);
            return;
        }
        // Same window, answers may arrive out of order: the lower budget is the truth.
        double budgetNow = tokensAt - (starts - startsAt);
        if (tokens < budgetNow) {
            take(tokens, now, starts, resetAt);
        }
    }

    private double refill(double tokens, long starts, long rejected) {
        return tokens - anchorTokens + (starts - anchorStarts) - (rejected - anchorRejected);
    }

    private void observeBucket(ServerQuota q, double tokens, long now, long starts, long rejected, long newResetAt) {
        long baseline = now - anchorAt;
        // A longer baseline gives a tighter estimate; after a fresh anchor the old estimate stands until the new
        // baseline catches up (or is long enough on its own).
        if (baseline > 0 && (baseline >= refillBaselineNanos || baseline >= 2_000_000_000L)) {
            // Remaining is rounded down, so the tokens gained may be one fewer than they look, and an answer that
            // overtook others may show up to maxInFlightSeen more: a lower bound.
            refillRate = Math.max(0, (refill(tokens, starts, rejected) - 1 - maxInFlightSeen) / (baseline / NANOS));
            refillBaselineNanos = baseline;
        }
        if (q.resetIn().toNanos() > 0) {
            // Full again after Reset (rounded up) means at least (Limit - Remaining - 1) tokens come in that time.
            resetBoundRate = Math.max(resetBoundRate,
                    (capacity - q.remaining() - 1) / (q.resetIn().toNanos() / NANOS));
        }
        take(tokens, now, starts, newResetAt);
        if (q.remaining() >= capacity - 1) {
            anchor(now, starts, rejected); // the bucket may have been full: refill was capped, start afresh
        }
    }

    private void take(double tokens, long now, long starts, long newResetAt) {
        tokensAt = tokens;
        observedAt = now;
        startsAt = starts;
        resetAt = newResetAt;
    }

    private void anchor(long now, long starts, long rejected) {
        anchorTokens = tokensAt;
        anchorAt = now;
        anchorStarts = starts;
        anchorRejected = rejected;
    }

    /** The sustained rate in requests per second the evidence supports, or 0 when it supports none yet. */
    double sustainedRate(long now) {
        double firm = firmRate();
        if (!known || bucket || firm > 0) {
            return firm;
        }
        // Window length not known yet: spread what is left evenly until the reset.
        double budget = tokensAt;
        return now < resetAt && budget > 0 ? budget * UTILISATION / ((resetAt - now) / NANOS) : 0;
    }

    /**
     * The sustained rate in requests per second that holds beyond the current window — a window limit over a known
     * window length, or a bucket's refill — or 0 while the evidence shows none (what is left spread until an unknown
     * reset is a pace for now, not the host's rate).
     */
    double firmRate() {
        if (!known) {
            return 0;
        }
        long window = statedWindowNanos > 0 ? statedWindowNanos : learnedWindowNanos;
        double windowRate = window > 0 ? limit / (window / NANOS) : 0;
        if (bucket) {
            return Math.max(windowRate, Math.max(refillRate, resetBoundRate));
        }
        return statedWindowNanos > 0 ? windowRate : windowRate * UTILISATION;
    }

    /** Minimum spacing between starts: the window rate spread evenly; a bucket is paced by its mirror instead. */
    long spacingNanos(long now) {
        if (!known || bucket) {
            return 0;
        }
        double rate = sustainedRate(now);
        return rate > 0 ? (long) (NANOS / rate) : 0;
    }

    /** The earliest start the budget allows, given {@code starts} requests started so far. */
    long earliestStart(long now, long starts) {
        if (!known) {
            return now;
        }
        double left = tokensAt - (starts - startsAt);
        if (bucket) {
            double rate = sustainedRate(now);
            double tokens = Math.min(capacity, left + rate * (now - observedAt) / NANOS);
            if (tokens >= 1 + MARGIN) {
                return now;
            }
            // The server said the bucket would be full at its reset: that holds whatever our rate estimate says.
            boolean fullAtReset = capacity - (starts - startsAt) >= 1 + MARGIN;
            long fullAt = fullAtReset ? Math.max(now, resetAt + RESET_SLACK_NANOS) : Long.MAX_VALUE;
            long refillAt = rate > 0 ? observedAt + (long) Math.ceil((1 + MARGIN - left) / rate * NANOS)
                    : Long.MAX_VALUE;
            long at = Math.min(refillAt, fullAt);
            return at == Long.MAX_VALUE ? now + 1_000_000_000L : Math.max(now, at);
        }
        if (now < resetAt && left <= 0) {
            return resetAt + RESET_SLACK_NANOS;
        }
        return now;
    }

    /**
     * Servers define windows in whole seconds; what we observe is that plus network jitter. Rounding removes the
     * jitter, which would otherwise shrink the window and push us a little over the limit.
     */
    static long wholeSeconds(long observedNanos) {
        long seconds = Math.round(observedNanos / 1e9);
        return seconds >= 1 ? seconds * 1_000_000_000L : observedNanos;
    }
}
