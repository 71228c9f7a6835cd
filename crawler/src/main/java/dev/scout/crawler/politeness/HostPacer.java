package dev.scout.crawler.politeness;

import java.time.Duration;
import java.util.Optional;

/**
 * When the next request to one host may start. Combines, and always takes the slowest of: the configured rate, the
 * robots.txt Crawl-delay, the server's advertised quota (paced at {@value #UTILISATION} of it, and a hard stop when
 * the remaining budget is spent until the window resets), explicit pauses (429/503 Retry-After) and the rate learned
 * from 429s when nothing is advertised. Pure logic on a nano clock passed in, so tests drive it with a fake clock.
 * Not thread-safe: the owning {@code HostLane} guards it.
 */
public final class HostPacer {
    /** Share of an advertised limit we aim for: leaves room for clock skew while meeting the 95% target. */
    static final double UTILISATION = 0.98;
    /** Added after a reset time so that we do not arrive a hair before the server's window turns over. */
    static final long RESET_SLACK_NANOS = 5_000_000L;

    private final long configuredIntervalNanos;
    private long crawlDelayNanos;
    private long lastStart = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;

    // Server quota, as last reported, in our nano time.
    private boolean quotaKnown;
    private long quotaLimit;
    private long quotaBudget;
    private long resetAt;
    private long windowNanos;
    private final LearnedRate learned = new LearnedRate();

    public HostPacer(double requestsPerSecond) {
        this.configuredIntervalNanos = (long) (1e9 / requestsPerSecond);
    }

    /** The earliest nano time the next request may start (may be in the past: start now). */
    public long earliestStart(long now) {
        long earliest = Math.max(pausedUntil, lastStart == Long.MIN_VALUE ? now : lastStart + intervalNanos(now));
        if (quotaKnown && now < resetAt && quotaBudget <= 0) {
            earliest = Math.max(earliest, resetAt + RESET_SLACK_NANOS);
        }
        return earliest;
    }

    /** Current spacing between starts. */
    public long intervalNanos(long now) {
        long interval = Math.max(configuredIntervalNanos, crawlDelayNanos);
        if (quotaKnown) {
            if (windowNanos > 0) {
                interval = Math.max(interval, (long) (windowNanos / (quotaLimit * UTILISATION)));
            } else if (now < resetAt && quotaBudget > 0) {
                // Window length not known yet: spread what is left evenly until the reset.
                interval = Math.max(interval, (long) ((resetAt - now) / (quotaBudget * UTILISATION)));
            }
        } else {
            interval = Math.max(interval, learned.intervalNanos(now).orElse(0));
        }
        return interval;
    }

    /** A request started now. */
    public void onStart(long now) {
        lastStart = now;
        quotaBudget--;
    }

    /**
     * A response reported the server's quota.
     *
     * @param inFlightOthers requests still in flight that the server may not have counted yet
     */
    public void onQuota(ServerQuota quota, long now, int inFlightOthers) {
        long newReset = now + quota.resetIn().toNanos();
        long budget = quota.remaining() - inFlightOthers;
        quota.window().ifPresent(w -> windowNanos = w.toNanos());
        long sameWindow = RESET_SLACK_NANOS * 4;
        if (quotaKnown && newReset < resetAt - sameWindow) {
            return; // a late answer from a window that is already over: it says nothing about the current one
        }
        if (!quotaKnown || newReset > resetAt + sameWindow) {
            if (quotaKnown && quota.window().isEmpty() && now >= resetAt - sameWindow) {
                // The window turned over: the distance between the two resets is the window length. Keep the
                // smallest seen, because idle gaps can skip whole windows.
                long observed = wholeSeconds(newReset - resetAt);
                windowNanos = windowNanos == 0 ? observed : Math.min(windowNanos, observed);
            }
            quotaBudget = budget;
            resetAt = newReset;
        } else {
            // Same window, answers may arrive out of order: the lower budget is the truth.
            quotaBudget = Math.min(quotaBudget, budget);
        }
        quotaKnown = true;
        quotaLimit = quota.limit();
    }

    /**
     * Servers define windows in whole seconds; what we observe is that plus network jitter. Rounding removes the
     * jitter, which would otherwise shrink the window and push us a little over the limit.
     */
    static long wholeSeconds(long observedNanos) {
        long seconds = Math.round(observedNanos / 1e9);
        return seconds >= 1 ? seconds * 1_000_000_000L : observedNanos;
    }

    /** The host must not be contacted before {@code until} (Retry-After, 429 reset). */
    public void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }

    /** Whole-host pause in force at {@code now}, if any. */
    public Optional<Duration> pausedFor(long now) {
        return pausedUntil > now ? Optional.of(Duration.ofNanos(pausedUntil - now)) : Optional.empty();
    }

    /** A non-429 answer arrived. */
    public void onAnswer(long now) {
        learned.onSuccess(now);
    }

    /** A 429 arrived; {@code waitNanos} is what the server (or our backoff) says to wait. */
    public void onTooManyRequests(long now, long waitNanos) {
        pauseUntil(now + waitNanos);
        if (!quotaKnown) {
            learned.onTooManyRequests(now, 1e9 / intervalNanos(now), waitNanos);
        }
    }

    /** robots.txt Crawl-delay, already capped; only ever slows the host down. */
    public void crawlDelay(Duration delay) {
        crawlDelayNanos = delay.toNanos();
    }

    /** True once the server advertised a quota. */
    public boolean quotaKnown() {
        return quotaKnown;
    }

    /** When the advertised window resets, if known and in the future. */
    public Optional<Long> resetAt(long now) {
        return quotaKnown && resetAt > now ? Optional.of(resetAt) : Optional.empty();
    }
}
