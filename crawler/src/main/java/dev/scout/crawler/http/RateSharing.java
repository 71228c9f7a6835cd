package dev.scout.crawler.http;

import dev.scout.crawler.internal.metrics.FetchStatsRecorder;
import dev.scout.crawler.internal.politeness.HostScheduler;
import dev.scout.crawler.internal.politeness.TimeSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Joins the hosts' pacers to a {@link RateMemory}: starts a host's pacing from the remembered rate when the host is
 * (again) this fetcher's to send to, and passes on the rates its pacing learned — on an executor of its own, since
 * remembering may be a database write and the rates are learned on OkHttp's callback threads. Thread-safe.
 */
final class RateSharing {
    /** Pseudo-host under which failures of the rate memory are counted in {@link FetchStats}. */
    static final String RATE_MEMORY = "(rate-memory)";

    private final RateMemory memory;
    private final Duration maxAge;
    private final TimeSource time;
    private final HostScheduler scheduler;
    private final FetchStatsRecorder stats;
    private final Executor writes;
    /** Per host, the fencing token of the last grant; a new one means the host changed hands since. */
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();

    RateSharing(RateMemory memory, Duration maxAge, TimeSource time, HostScheduler scheduler,
                FetchStatsRecorder stats, Executor writes) {
        this.memory = memory;
        this.maxAge = maxAge;
        this.time = time;
        this.scheduler = scheduler;
        this.stats = stats;
        this.writes = writes;
    }

    /**
     * The permit let a request to {@code host} go under {@code token}: the first time, and under each new token, the
     * host's pacing starts from its remembered rate if one is remembered and not too old. Cheap otherwise.
     */
    void granted(String host, long token) {
        Long before = tokens.put(host, token);
        if (before != null && before == token) {
            return;
        }
        Optional<RememberedRate> remembered;
        try {
            remembered = memory.recall(host);
        } catch (RuntimeException e) {
            // Boundary to the caller's memory: without it the host is learned afresh, which is safe, only slower.
            stats.outcome(RATE_MEMORY, "RecallFailed");
            return;
        }
        Instant oldest = time.now().minus(maxAge);
        remembered.filter(r -> r.learnedAt().isAfter(oldest)).ifPresent(r ->
                scheduler.updatePacer(host, (pacer, inFlight, now) -> pacer.startFrom(r.requestsPerSecond(), now)));
    }

    /** The host's pacing learned {@code requestsPerSecond} (see {@link RateMemory}): keep it, off this thread. */
    void learned(String host, double requestsPerSecond) {
        RememberedRate rate = new RememberedRate(requestsPerSecond, time.now());
        try {
            writes.execute(() -> remember(host, rate));
        } catch (RejectedExecutionException e) {
            stats.outcome(RATE_MEMORY, "RememberFailed"); // learned while the fetcher closed
        }
    }

    private void remember(String host, RememberedRate rate) {
        try {
            memory.remember(host, rate);
        } catch (RuntimeException e) {
            // Task boundary to the caller's memory (a database that cannot be reached): counted; the next owner of
            // the host relearns the rate.
            stats.outcome(RATE_MEMORY, "RememberFailed");
        }
    }
}
