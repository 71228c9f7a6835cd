package dev.scout.crawler.internal.politeness;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When the next request to one host may start. Takes the slowest of: the configured rate, the robots.txt
 * Crawl-delay, the server's advertised limit read as a rate and a burst ({@link QuotaModel}), Meta-style usage
 * percentages kept under a ceiling ({@link UsageBudget}), announced pauses (Retry-After on 429/503: nothing is sent
 * inside one) and, when nothing is advertised, the rate learned from 429s ({@link LearnedRate}) — or remembered from the
 * host's previous owner ({@link #startFrom}). It also says when its evidence of the host's rate is worth passing on
 * ({@link #rateToReport}). Pure logic on a
 * nano clock passed in, so tests drive it with a fake clock. Not thread-safe: the owning {@code HostLane} guards it.
 */
public final class HostPacer {
    /** Default usage ceiling for percentage headers, in percent. */
    public static final double DEFAULT_USAGE_CEILING = 80;
    /** Default rolling window of percentage headers (Meta: one hour). */
    public static final Duration DEFAULT_USAGE_WINDOW = Duration.ofHours(1);
    /**
     * Share by which the evidence of a host's rate must move before it is reported again: small enough that a
     * report is never far from what pacing holds, large enough that a bucket's refill estimate, which tightens a
     * little with many answers, is not reported with each of them.
     */
    public static final double MATERIAL_CHANGE = 0.1;

    private final long configuredIntervalNanos;
    private long crawlDelayNanos;
    private long lastStart = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;
    private long starts;
    private long rejected;
    private final QuotaModel quota = new QuotaModel();
    private final UsageBudget usage;
    private final LearnedRate learned = new LearnedRate();
    private double reported = Double.NaN;

    /** A pacer at {@code requestsPerSecond} with the default usage ceiling (80%) and window (one hour). */
    public HostPacer(double requestsPerSecond) {
        this(requestsPerSecond, DEFAULT_USAGE_CEILING, DEFAULT_USAGE_WINDOW);
    }

    /**
     * @param requestsPerSecond the most we send; everything the server says can only slow this down
     * @param usageCeiling      usage percentage to stay under when the host reports usage percentages (0, 100]
     * @param usageWindow       the rolling window those percentages refer to
     */
    public HostPacer(double requestsPerSecond, double usageCeiling, Duration usageWindow) {
        this.configuredIntervalNanos = (long) (1e9 / requestsPerSecond);
        this.usage = new UsageBudget(usageCeiling, usageWindow.toNanos());
    }

    /** The earliest nano time the next request may start (may be in the past: start now). */
    public long earliestStart(long now) {
        long earliest = Math.max(pausedUntil, lastStart == Long.MIN_VALUE ? now : lastStart + intervalNanos(now));
        if (quota.known()) {
            earliest = Math.max(earliest, quota.earliestStart(now, starts));
        }
        if (usage.known()) {
            earliest = Math.max(earliest, usage.earliestStart(now));
        }
        return earliest;
    }

    /** Current minimum spacing between starts (a bucket's burst is governed by its mirror, not by this). */
    public long intervalNanos(long now) {
        long interval = Math.max(configuredIntervalNanos, crawlDelayNanos);
        if (quota.known()) {
            interval = Math.max(interval, quota.spacingNanos(now));
        }
        if (usage.known()) {
            interval = Math.max(interval, usage.spacingNanos());
        }
        if (!quota.known() && !usage.known()) {
            interval = Math.max(interval, learned.intervalNanos(now).orElse(0));
        }
        return interval;
    }

    /** A request started now. */
    public void onStart(long now) {
        lastStart = now;
        starts++;
        usage.onStart(now);
    }

    /**
     * A response reported the server's quota.
     *
     * @param inFlightOthers requests still in flight that the server may not have counted yet
     */
    public void onQuota(ServerQuota q, long now, int inFlightOthers) {
        quota.observe(q, now, inFlightOthers, starts, rejected);
    }

    /**
     * A response reported usage percentages (Meta). Any response of the host may carry them; pacing then keeps
     * usage under the ceiling, and {@code estimated_time_to_regain_access} pauses the host.
     */
    public void onUsage(UsageReport report, long now, int inFlightOthers) {
        usage.observe(report, now, inFlightOthers);
        report.regainAccess().ifPresent(d -> pauseUntil(now + d.toNanos()));
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
        rejected++;
        pauseUntil(now + waitNanos);
        if (!quota.known() && !usage.known()) {
            learned.onTooManyRequests(now, 1e9 / intervalNanos(now), waitNanos);
        }
    }

    /**
     * How long to wait after a 429 that named no time (no Retry-After, no reset): two intervals at the current
     * rate, doubling with each further 429 of the same request, between 50 ms and {@code max}.
     */
    public long tooManyBackoffNanos(long now, int tooManyForRequest, long maxNanos) {
        long base = Math.max(50_000_000L, 2 * intervalNanos(now));
        long wait = base << Math.min(20, Math.max(0, tooManyForRequest - 1));
        return Math.min(wait < 0 ? maxNanos : wait, maxNanos);
    }

    /** robots.txt Crawl-delay, already capped; only ever slows the host down. */
    public void crawlDelay(Duration delay) {
        crawlDelayNanos = delay.toNanos();
    }

    /** True once the server advertised a quota. */
    public boolean quotaKnown() {
        return quota.known();
    }

    /** When the advertised window resets (or a bucket is full again), if known and in the future. */
    public Optional<Long> resetAt(long now) {
        return quota.known() && quota.resetAt() > now ? Optional.of(quota.resetAt()) : Optional.empty();
    }

    /**
     * The sustained rate, in requests per second, that pacing holds at {@code now}: the advertised limit read as a
     * rate, the usage budget, or the learned rate — whichever is in force — else the configured rate.
     */
    public double sustainedRate(long now) {
        double configured = 1e9 / Math.max(configuredIntervalNanos, crawlDelayNanos);
        double rate = configured;
        if (quota.known() && quota.sustainedRate(now) > 0) {
            rate = Math.min(rate, quota.sustainedRate(now));
        }
        if (usage.known() && usage.sustainedRate() > 0) {
            rate = Math.min(rate, usage.sustainedRate());
        }
        double l = learned.rate(now);
        if (!quota.known() && !usage.known() && !Double.isNaN(l)) {
            rate = Math.min(rate, l);
        }
        return rate;
    }

    /**
     * Starts from {@code requestsPerSecond} remembered from the host's previous owner (another fleet worker): held
     * like a rate learned from 429s, so it only ever slows the configured rate down, is overridden as soon as the
     * server advertises its limit, and is probed upwards over time. It never speeds up a rate this pacer learned.
     */
    public void startFrom(double requestsPerSecond, long now) {
        learned.startFrom(requestsPerSecond, now);
    }

    /**
     * The host's sustained rate in requests per second as this pacer's own evidence shows it — the advertised limit
     * over a known window or a bucket's refill, the usage budget, else the rate the last 429 set — when it is the
     * first such evidence or moved by more than {@link #MATERIAL_CHANGE} since the rate last returned; empty otherwise
     * (also while the only rate is a remembered start, which would otherwise be passed on as fresh). A returned rate
     * counts as reported.
     */
    public OptionalDouble rateToReport() {
        OptionalDouble evidence = evidence();
        if (evidence.isEmpty()) {
            return evidence;
        }
        double rate = evidence.getAsDouble();
        if (!Double.isNaN(reported) && Math.abs(rate - reported) <= MATERIAL_CHANGE * reported) {
            return OptionalDouble.empty();
        }
        reported = rate;
        return evidence;
    }

    private OptionalDouble evidence() {
        if (quota.known()) {
            double r = quota.firmRate();
            return r > 0 ? OptionalDouble.of(r) : OptionalDouble.empty();
        }
        if (usage.known()) {
            double r = usage.sustainedRate();
            return r > 0 ? OptionalDouble.of(r) : OptionalDouble.empty();
        }
        return learned.measured();
    }

    /** True when the advertised limit refills continuously (a token bucket) rather than per window. */
    public boolean quotaRefillsContinuously() {
        return quota.bucket();
    }
}
