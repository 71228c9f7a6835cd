package dev.scout.crawler.engine;

import dev.scout.crawler.http.FetchOutcome;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.model.ProfileRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides how a lease that did not end in a snapshot is settled: failed for good on a permanent answer, skipped,
 * parked for a spent quota, retried in this run, or handed to a later run after transient failures — never left in
 * flight, and never failed for good on a transient failure. Thread-safe (all state is in thread-safe objects).
 */
final class FailureTriage {
    /** Shortest wait before a later run retries an entry handed over after transient failures. */
    static final Duration LATER_RUN_MIN = Duration.ofMinutes(1);
    /** Longest such wait: a host that was down for a day is tried again within the hour of the next run. */
    static final Duration LATER_RUN_MAX = Duration.ofHours(1);

    private final Frontier frontier;
    private final CrawlSettings settings;
    private final CrawlListener listener;
    private final RunCounters counters;
    private final QuotaParking parking;
    private final Clock clock;
    private final LaterRuns laterRuns;
    private final HostHealth health;
    private final RunAttempts attempts = new RunAttempts();

    FailureTriage(Frontier frontier, CrawlSettings settings, CrawlListener listener, RunCounters counters,
                  QuotaParking parking, Clock clock, LaterRuns laterRuns, HostHealth health) {
        this.frontier = frontier;
        this.settings = settings;
        this.listener = listener;
        this.counters = counters;
        this.parking = parking;
        this.clock = clock;
        this.laterRuns = laterRuns;
        this.health = health;
    }

    /**
     * Settles a lease whose profile failed. Permanent answers end the entry; transient ones are retried in this run
     * while they are the profile's own trouble and its attempts last, re-queued without charge while they are the
     * host's (circuit open, a streak of failures), and handed to a later run once the run's attempts are spent or
     * the host was given up — never failed for good.
     */
    void failed(Frontier.Lease lease, String host, PlatformException e) {
        failed(lease, host, e, true);
    }

    /**
     * As {@link #failed(Frontier.Lease, String, PlatformException)}; {@code newFetchFailure} is false for the second
     * and later profiles of a batch that one failed request answered (a Bluesky lookup of 25), so one failed fetch
     * counts once in the host's streak.
     */
    void failed(Frontier.Lease lease, String host, PlatformException e, boolean newFetchFailure) {
        Instant now = clock.instant();
        if (e.kind() == PlatformException.Kind.QUOTA_EXHAUSTED) {
            Instant until = e.retryAt().orElse(now.plus(Duration.ofDays(1)));
            parking.exhaust(e.platform(), until);
            park(lease.ref(), until, e.getMessage());
            return;
        }
        if (e.kind() == PlatformException.Kind.DENIED) {
            skip(lease.ref(), "not crawlable: " + e.getMessage());
            return;
        }
        if (!e.retryable()) {
            failForGood(lease.ref(), e.getMessage());
            return;
        }
        FetchOutcome.FailureKind fetch = e.fetchFailure().orElse(FetchOutcome.FailureKind.IO);
        if (fetch == FetchOutcome.FailureKind.CIRCUIT_OPEN || fetch == FetchOutcome.FailureKind.HOST_NOT_OWNED) {
            // Nothing is wrong with the profile: the host's breaker is open, or (in a fleet) another worker owns the
            // host. Queue it again for when the breaker may close or the host's owner claims it.
            retryInRun(lease, now.plus(settings.retryDelay()), e.getMessage() + "; queued again");
            return;
        }
        if (fetch == FetchOutcome.FailureKind.ROBOTS_UNAVAILABLE) {
            handOver(lease, e.getMessage());
            return;
        }
        if (fetch == FetchOutcome.FailureKind.HOST_TOO_SLOW) {
            health.giveUp(host, HostHealth.shown(host) + " is too slow, so this run left it (" + e.getMessage() + ")");
        }
        Optional<String> gaveUp = health.givenUp(host);
        int streak = gaveUp.isPresent() ? 0
                : newFetchFailure ? health.failed(host, e.getMessage()) : health.streak(host);
        gaveUp = health.givenUp(host);
        if (gaveUp.isPresent()) {
            handOver(lease, gaveUp.get());
            return;
        }
        RunAttempts.Count count = attempts.failed(lease.ref(), streak <= 1);
        if (count.charged() >= settings.maxAttempts()) {
            handOver(lease, e.getMessage());
            return;
        }
        Instant backoff = now.plus(settings.retryDelay().multipliedBy(Math.min(count.tries(), settings.maxAttempts())));
        retryInRun(lease, e.retryAt().filter(backoff::isBefore).orElse(backoff), e.getMessage());
    }

    /** A permanent answer (or an internal error): the entry fails with the reason and is not retried. */
    void failForGood(ProfileRef ref, String reason) {
        frontier.fail(ref, reason, Optional.empty());
        listener.failed(ref, reason, false);
    }

    private void retryInRun(Frontier.Lease lease, Instant at, String reason) {
        frontier.fail(lease.ref(), reason, Optional.of(at));
        listener.failed(lease.ref(), reason, true);
    }

    /**
     * Leaves a transiently failed entry to a later run: pending, with its attempts, due after a backoff that grows
     * with them ({@link #laterRunDelay}); this run stops waiting for it.
     */
    void handOver(Frontier.Lease lease, String why) {
        Instant at = clock.instant().plus(laterRunDelay(lease.attempts()));
        String reason = why + "; a later run retries it";
        frontier.fail(lease.ref(), reason, Optional.of(at));
        laterRuns.hold(lease.ref());
        listener.failed(lease.ref(), reason, true);
    }

    /** Twice the retry delay per attempt made so far, at least {@link #LATER_RUN_MIN}, at most {@link #LATER_RUN_MAX}. */
    private Duration laterRunDelay(int attemptsSoFar) {
        Duration d = settings.retryDelay().multipliedBy(2L * Math.max(1, attemptsSoFar));
        return d.compareTo(LATER_RUN_MIN) < 0 ? LATER_RUN_MIN : d.compareTo(LATER_RUN_MAX) > 0 ? LATER_RUN_MAX : d;
    }

    void park(ProfileRef ref, Instant until, String why) {
        frontier.defer(ref, until);
        parking.park(ref);
        counters.parked.increment();
        listener.skipped(ref, "parked until " + until + " (" + why + "); a later run resumes it");
    }

    void skip(ProfileRef ref, String reason) {
        frontier.skip(ref, reason);
        listener.skipped(ref, reason);
    }
}
