package dev.scout.crawler.http;

import dev.scout.crawler.cache.ResponseCache;
import dev.scout.crawler.internal.guard.AddressGuard;
import dev.scout.crawler.internal.guard.AddressRefusedException;
import dev.scout.crawler.http.FetchOutcome.FailureKind;
import dev.scout.crawler.internal.metrics.FetchStatsRecorder;
import dev.scout.crawler.internal.politeness.HostScheduler;
import dev.scout.crawler.internal.politeness.TimeSource;
import dev.scout.crawler.internal.resilience.HostCircuits;
import dev.scout.crawler.internal.resilience.HostTimeouts;
import dev.scout.crawler.internal.robots.RobotsCache;
import dev.scout.crawler.internal.robots.RobotsVerdict;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves a {@link FetchJob} through its stages: URL and address checks, robots.txt, the host lane, the HTTP attempt,
 * and then what the answer means ({@link AnswerRouter}). Every path ends in {@link #finish}. Thread-safe.
 */
final class FetchFlow {
    /** Pseudo-host under which failures of the persistent response tier are counted in {@link FetchStats}. */
    static final String RESPONSE_STORE = "(response-store)";
    private final FetcherSettings settings;
    private final TimeSource time;
    private final HostScheduler scheduler;
    private final Exchange exchange;
    private final ResponseCache cache;
    private final AddressGuard guard;
    private final HostCircuits circuits;
    private final FetchStatsRecorder stats;
    private final SafeEvents events;
    private final HostPermit permit;
    private final RateSharing rates;
    private final HostTimeouts timeouts = new HostTimeouts(HostTimeouts.DEFAULT_LIMIT);
    private final Set<FetchJob> open = ConcurrentHashMap.newKeySet();
    private RobotsCache robots;
    private AnswerRouter router;
    private volatile boolean closed;

    FetchFlow(FetcherSettings settings, TimeSource time, HostScheduler scheduler, Exchange exchange,
              ResponseCache cache, AddressGuard guard, HostCircuits circuits, FetchStatsRecorder stats,
              SafeEvents events, HostPermit permit, RateSharing rates) {
        this.settings = settings;
        this.time = time;
        this.scheduler = scheduler;
        this.exchange = exchange;
        this.cache = cache;
        this.guard = guard;
        this.circuits = circuits;
        this.stats = stats;
        this.events = events;
        this.permit = permit;
        this.rates = rates;
    }

    /** Completes the wiring; the robots cache and router need the flow themselves, hence not in the constructor. */
    void wire(RobotsCache robotsCache, AnswerRouter answerRouter) {
        this.robots = robotsCache;
        this.router = answerRouter;
    }

    /** Starts a job, or ends it right away when the URL cannot be fetched. */
    void admit(FetchJob job) {
        if (closed) {
            finish(job, cancelled(job));
            return;
        }
        open.add(job);
        String scheme = String.valueOf(job.url.getScheme()).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || job.url.getHost() == null) {
            finish(job, failed(job, FailureKind.INVALID_URL, "not an absolute http(s) URL: " + job.url));
            return;
        }
        try {
            guard.checkLiteral(job.url.getHost());
        } catch (AddressRefusedException e) {
            finish(job, new FetchOutcome.AddressRefused(job.request.url(), e.address(), e.getMessage()));
            return;
        }
        if (timeouts.tooSlow(job.hostKey)) {
            finish(job, tooSlow(job));
            return;
        }
        // Asked early too, so that a host another fleet worker owns costs no robots.txt request, and so that the
        // host's pacing starts from its remembered rate before its first request is planned; send() asks again.
        HostPermit.Decision early = permit.mayQueue(job.hostKey);
        if (early instanceof HostPermit.Decision.Refused refused) {
            finish(job, failed(job, FailureKind.HOST_NOT_OWNED, refused.reason()));
            return;
        }
        rates.granted(job.hostKey, ((HostPermit.Decision.Granted) early).token());
        if (job.robotsFile) {
            scheduler.submit(job.hostKey, job, false);
            return;
        }
        robots.check(job.url).whenComplete((verdict, error) -> {
            if (error != null) {
                finish(job, failed(job, FailureKind.INTERNAL, "robots.txt check failed: " + error));
            } else if (verdict instanceof RobotsVerdict.Allowed allowed) {
                allowed.crawlDelay().ifPresent(d -> scheduler.updatePacer(job.hostKey, (p, n, now) -> p.crawlDelay(d)));
                revalidateThenQueue(job);
            } else if (verdict instanceof RobotsVerdict.Denied denied) {
                finish(job, new FetchOutcome.RobotsDenied(job.request.url(), denied.reason()
                        + (job.url.equals(job.request.url()) ? "" : " (redirect hop " + job.url + ")")));
            } else if (verdict instanceof RobotsVerdict.Unavailable unavailable) {
                finish(job, failed(job, FailureKind.ROBOTS_UNAVAILABLE, unavailable.reason()));
            } else if (verdict instanceof RobotsVerdict.Refused refused) {
                finish(job, new FetchOutcome.AddressRefused(job.request.url(), refused.address(), refused.reason()));
            }
        });
    }

    /**
     * Finds the cached response to revalidate (the store tier is read off this thread, so a slow disk never holds
     * the politeness scheduler), then queues the job in its lane. A failed read costs only the conditional request.
     */
    private void revalidateThenQueue(FetchJob job) {
        cache.lookup(job.url, job.request.accept()).whenComplete((found, error) -> {
            if (error != null) {
                stats.outcome(RESPONSE_STORE, "ReadFailed");
            }
            job.revalidate = error == null ? found : Optional.empty();
            try {
                scheduler.submit(job.hostKey, job, false);
            } catch (RuntimeException e) {
                // Task boundary: whenComplete would swallow this and leave the caller waiting forever.
                finish(job, failed(job, FailureKind.INTERNAL, "internal error queueing " + job.url + ": " + e));
            }
        });
    }

    /** The lane let the job's next attempt start. */
    void send(FetchJob job, long waitedNanos) {
        String host = job.hostKey;
        if (timeouts.tooSlow(host)) {
            // Queued before the host was given up: end it without a request and give the lane its slot back.
            circuits.forHost(host).releasePermission();
            scheduler.finished(host);
            finish(job, tooSlow(job));
            return;
        }
        // The attempt holds a lane slot (and a breaker permission) until released, exactly once, whatever happens.
        AtomicBoolean slotHeld = new AtomicBoolean(true);
        try {
            // The fleet hook: the last moment before the request leaves. A refusal sends nothing; a grant holds for
            // a time counted from now, checked again by SendDeadline right before the request is written.
            long askedAt = time.nanoTime();
            HostPermit.Decision decision = permit.mayISend(host);
            if (decision instanceof HostPermit.Decision.Refused refused) {
                releaseUnused(host, slotHeld);
                finish(job, failed(job, FailureKind.HOST_NOT_OWNED, refused.reason()));
                return;
            }
            HostPermit.Decision.Granted granted = (HostPermit.Decision.Granted) decision;
            rates.granted(host, granted.token());
            stats.request(host);
            stats.waited(host, waitedNanos);
            events.requestSent(host, job.url, job.retry.attempts());
            Map<String, String> conditional = job.robotsFile ? Map.of()
                    : job.revalidate.map(ResponseCache::validators).orElse(Map.of());
            var grant = new SendDeadline.Grant(time, askedAt, granted.sendWithin().toNanos(), host);
            exchange.send(job.url, job.request.accept(), withCredentials(job, conditional), !job.robotsFile, grant,
                    attempt -> onAttempt(job, host, slotHeld, attempt));
        } catch (IllegalArgumentException e) {
            // OkHttp refused the URL itself (java.net.URI is more lenient): free the slot and end the request.
            releaseUnused(host, slotHeld);
            finish(job, failed(job, FailureKind.INVALID_URL, "cannot request " + job.url + ": " + e.getMessage()));
        } catch (RuntimeException e) {
            // Task boundary: a bug of ours must end the request visibly and give its slot back, or the lane would
            // wait for this attempt forever.
            releaseUnused(host, slotHeld);
            finish(job, failed(job, FailureKind.INTERNAL, "internal error sending " + job.url + ": " + e));
        }
    }

    /**
     * Adds the request's credential headers while the job is still at the origin it was made for: a redirect to
     * another origin must never carry the token along.
     */
    private static Map<String, String> withCredentials(FetchJob job, Map<String, String> headers) {
        if (job.request.credentials().isEmpty() || !sameOrigin(job.url, job.request.url())) {
            return headers;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.putAll(job.request.credentials());
        return all;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && HostKey.of(a).equals(HostKey.of(b));
    }

    /** Gives back the slot and breaker permission of an attempt that never reached the server. */
    private void releaseUnused(String host, AtomicBoolean slotHeld) {
        if (slotHeld.compareAndSet(true, false)) {
            circuits.forHost(host).releasePermission();
            scheduler.finished(host);
        }
    }

    void circuitOpenTooLong(FetchJob job, long waitedNanos) {
        stats.waited(job.hostKey, waitedNanos);
        finish(job, failed(job, FailureKind.CIRCUIT_OPEN, "circuit breaker for " + job.hostKey + " stayed open for "
                + Duration.ofNanos(waitedNanos).toSeconds() + " s"));
    }

    void pacedTooLong(FetchJob job, long waitNanos) {
        Duration wait = Duration.ofNanos(waitNanos);
        java.time.Instant retryAt = time.now().plus(wait);
        finish(job, new FetchOutcome.Failed(job.request.url(), FailureKind.RATE_LIMITED, OptionalInt.empty(),
                job.hostKey + " may not be sent another request for " + wait.toSeconds() + " s (its usage is at the"
                        + " ceiling, or it announced a pause or a spent window), longer than crawl.rateLimitWaitCap ("
                        + settings.rateLimitWaitCap().toSeconds() + " s); it may be asked again at " + retryAt,
                job.retry.attempts(), java.util.Optional.of(retryAt)));
    }

    private void onAttempt(FetchJob job, String host, AtomicBoolean slotHeld, Attempt attempt) {
        try {
            routeAttempt(job, host, slotHeld, attempt);
        } catch (RuntimeException e) {
            // Task boundary (an OkHttp callback): a bug of ours must end this request visibly, not lose it, and
            // must not keep the lane slot (routeAttempt frees it in any case; this covers a throw before that).
            if (slotHeld.compareAndSet(true, false)) {
                scheduler.finished(host);
            }
            finish(job, new FetchOutcome.Failed(job.request.url(), FetchOutcome.FailureKind.INTERNAL,
                    OptionalInt.empty(), "internal error: " + e, job.retry.attempts()));
        }
    }

    private void routeAttempt(FetchJob job, String host, AtomicBoolean slotHeld, Attempt attempt) {
        try {
            recordCircuit(circuits.forHost(host), attempt);
            if (attempt instanceof Attempt.Refused || attempt instanceof Attempt.NotSent) {
                stats.notSent(host);
            } else if (attempt instanceof Attempt.Answer answer) {
                stats.response(host, answer.status());
                stats.bytes(host, answer.body().length);
                events.responseReceived(host, job.url, answer.status(), answer.elapsed());
            }
            router.observe(job, attempt);
        } finally {
            // Whatever the bookkeeping did, the attempt is over: the lane must get its slot back and re-plan.
            if (slotHeld.compareAndSet(true, false)) {
                scheduler.finished(host);
            }
        }
        router.route(job, attempt);
    }

    private static void recordCircuit(CircuitBreaker breaker, Attempt attempt) {
        if (attempt instanceof Attempt.Refused || attempt instanceof Attempt.NotSent) {
            breaker.releasePermission(); // nothing reached the host: no evidence either way
        } else if (attempt instanceof Attempt.TransportError error) {
            breaker.onError(0, TimeUnit.NANOSECONDS, error.error());
        } else if (attempt instanceof Attempt.Answer answer && answer.status() >= 500) {
            breaker.onError(answer.elapsed().toNanos(), TimeUnit.NANOSECONDS,
                    new ServerErrorException(answer.status()));
        } else {
            breaker.onSuccess(0, TimeUnit.NANOSECONDS);
        }
    }

    /** Ends the job with {@code outcome} (once; later calls are ignored, e.g. after close). */
    void finish(FetchJob job, FetchOutcome outcome) {
        open.remove(job);
        if (job.finished.compareAndSet(false, true)) {
            try {
                // Counted before the caller is released, so stats read right after a fetch include it.
                job.retry.complete();
                stats.outcome(job.request.hostKey(), outcome.getClass().getSimpleName());
                events.completed(job.request, outcome);
            } finally {
                // The one call allowed to end the job: its caller is released even if the bookkeeping failed.
                job.future.complete(outcome);
            }
        }
    }

    /** Sends the job back to the lane after {@code delay} (retry backoff); the lane is not held meanwhile. */
    void retryLater(FetchJob job, Duration delay) {
        stats.retry(job.hostKey);
        stats.waited(job.hostKey, delay.toNanos());
        scheduler.submitAfter(job.hostKey, job, delay.toNanos());
    }

    /** Queues the job again at the head of its lane; the lane's pause decides when it goes. */
    void requeue(FetchJob job) {
        stats.retry(job.hostKey);
        scheduler.submit(job.hostKey, job, true);
    }

    void cacheStore(FetchJob job, FetchOutcome.Fetched fetched) {
        if (job.robotsFile) {
            return;
        }
        try {
            cache.put(job.url, job.request.accept(), job.request.subject(), fetched, job.revalidate.isPresent());
        } catch (RuntimeException e) {
            // The response itself is fine; only its copy for the next run is lost. Counted, not hidden; a store
            // that failed for good also fails the crawl's own writes, which stop the run with the cause.
            stats.outcome(RESPONSE_STORE, "WriteFailed");
        }
    }

    /** The response whose validators the job sent, which a 304 confirms. */
    Optional<FetchOutcome.Fetched> cached(FetchJob job) {
        return job.revalidate;
    }

    FetcherSettings settings() {
        return settings;
    }

    RateSharing rates() {
        return rates;
    }

    TimeSource time() {
        return time;
    }

    HostScheduler scheduler() {
        return scheduler;
    }

    SafeEvents events() {
        return events;
    }

    HostTimeouts timeouts() {
        return timeouts;
    }

    /** The job's host timed out too often in a row; the job ends without a (further) request. */
    FetchOutcome tooSlow(FetchJob job) {
        return new FetchOutcome.Failed(job.request.url(), FailureKind.HOST_TOO_SLOW, OptionalInt.empty(),
                job.hostKey + " timed out " + timeouts.limit() + " times in a row, so no more requests go to it in"
                        + " this run", Math.max(0, job.retry.attempts() - 1));
    }

    /**
     * Ends every open job as cancelled. robots.txt jobs go last: ending one first would end the requests waiting
     * for it as denied by a robots.txt that was never read (and the order of a set copy is random).
     */
    void close() {
        closed = true;
        List<FetchJob> jobs = new ArrayList<>(open);
        jobs.sort(Comparator.comparing(job -> job.robotsFile));
        for (FetchJob job : jobs) {
            finish(job, cancelled(job));
        }
    }

    boolean closed() {
        return closed;
    }

    /** A failure of {@code job} before or without a further attempt (the attempts made so far are counted). */
    private static FetchOutcome failed(FetchJob job, FailureKind kind, String message) {
        return new FetchOutcome.Failed(job.request.url(), kind, OptionalInt.empty(), message,
                job.retry.attempts() - 1);
    }

    private static FetchOutcome cancelled(FetchJob job) {
        return failed(job, FailureKind.CANCELLED, "the fetcher was closed before the request finished");
    }
}
