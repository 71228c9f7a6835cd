package dev.scout.crawler.http;

import dev.scout.crawler.cache.ResponseCache;
import dev.scout.crawler.cache.ResponseStore;
import dev.scout.crawler.internal.guard.AddressGuard;
import dev.scout.crawler.internal.metrics.FetchStatsRecorder;
import dev.scout.crawler.internal.politeness.HostPacer;
import dev.scout.crawler.internal.politeness.HostScheduler;
import dev.scout.crawler.internal.politeness.TimeSource;
import dev.scout.crawler.internal.resilience.HostCircuits;
import dev.scout.crawler.internal.resilience.RetryPolicy;
import dev.scout.crawler.internal.robots.RobotsCache;
import dev.scout.crawler.internal.robots.RobotsResponse;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Fetcher}: one shared OkHttp client behind per-host lanes (pacing, server quotas, robots.txt, circuit
 * breaker), retries, a conditional-GET cache and an SSRF guard. Build with {@link #builder(FetcherSettings)}.
 * Thread-safe; {@link #close()} ends unfinished requests as {@code Failed(CANCELLED)}.
 */
public final class OkHttpFetcher implements Fetcher {
    private final FetchFlow flow;
    private final RetryPolicy<Attempt> retryPolicy;
    private final FetchStatsRecorder stats;
    private final SafeEvents events;
    private final HostScheduler scheduler;
    private final OkHttpClient client;
    private final ExecutorService ioExecutor;
    private final ScheduledExecutorService timer;
    private final boolean ownsTimer;
    private final ResponseCache cache;
    /** Reads the persistent response tier off the scheduler's threads; empty without one. */
    private final java.util.Optional<ExecutorService> storeReads;
    /** Passes learned host rates to the rate memory off the callback threads; empty without a memory. */
    private final java.util.Optional<ExecutorService> rateWrites;

    OkHttpFetcher(OkHttpFetcherBuilder b) {
        FetcherSettings settings = b.settings;
        TimeSource time = b.time;
        this.stats = new FetchStatsRecorder();
        this.events = new SafeEvents(b.events);
        this.timer = b.timer.orElseGet(() -> NamedThreads.scheduled("scout-fetch-timer", 2));
        this.ownsTimer = b.timer.isEmpty();
        this.ioExecutor = NamedThreads.cached("scout-fetch-io");
        AddressGuard guard = new AddressGuard(settings.allowPrivateAddresses(), settings.trustedPrivateHosts());
        this.client = HttpClientFactory.create(settings, guard, b.dns, ioExecutor);
        HostCircuits circuits = new HostCircuits(settings.circuit(), time.asClock(), (host, transition) -> {
            stats.circuitTransition(host, transition.name());
            if (transition.getToState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN) {
                this.scheduler().circuitOpened(host, settings.circuit().openFor().toNanos());
            }
            timer.execute(() -> events.circuitTransition(host, transition.name()));
        });
        this.scheduler = new HostScheduler(timer, time, settings.maxInFlightTotal(),
                settings.retry().maxTotalDelay().toNanos(), settings.rateLimitWaitCap().toNanos(), host -> {
            HostPolicy policy = settings.policyFor(host);
            // The pacer is the host's one rate limit (configured rate, server evidence, learned rate) and the one
            // reader of usage percentages, with the host's own ceiling when its platform has one.
            HostPacer pacer = new HostPacer(policy.requestsPerSecond(),
                    policy.usageCeilingPercent().orElse(settings.usageCeilingPercent()), settings.usageWindow());
            return new HostScheduler.LaneSpec(policy.maxInFlight(), pacer, circuits.forHost(host));
        }, rejected -> stats.outcome("(fetcher)", "ScheduleRejectedAfterClose"));
        this.storeReads = b.responseStore == ResponseStore.NONE ? java.util.Optional.empty()
                : java.util.Optional.of(NamedThreads.scheduled("scout-fetch-store", 1));
        this.cache = storeReads.map(reads -> new ResponseCache(settings.cacheMaxBytes(), b.responseStore, reads))
                .orElseGet(() -> new ResponseCache(settings.cacheMaxBytes()));
        this.rateWrites = b.rateMemory == RateMemory.NONE ? java.util.Optional.empty()
                : java.util.Optional.of(NamedThreads.scheduled("scout-fetch-rates", 1));
        Exchange exchange = new Exchange(client, settings.maxBodyBytes(), time);
        this.flow = new FetchFlow(settings, time, scheduler, exchange, cache, guard, circuits, stats, events,
                b.permit, new RateSharing(b.rateMemory, settings.learnedRateMaxAge(), time, scheduler, stats,
                        rateWrites.<java.util.concurrent.Executor>map(e -> e).orElse(Runnable::run)));
        this.retryPolicy = new RetryPolicy<>(settings.retry(),
                attempt -> attempt instanceof Attempt.Answer a && a.status() >= 500,
                attempt -> attempt instanceof Attempt.Answer a && a.status() == 503
                        ? dev.scout.crawler.internal.politeness.RetryAfter.parse(a.header("Retry-After").orElse(null), time.now())
                        : java.util.Optional.empty(),
                OkHttpFetcher::retryableError, b.random);
        RobotsCache robots = new RobotsCache(settings.robotsProductToken(), settings.crawlDelayCap(), b.ticker,
                this::fetchRobots);
        flow.wire(robots, new AnswerRouter(flow));
    }

    /** Starts building a fetcher with these settings. */
    public static OkHttpFetcherBuilder builder(FetcherSettings settings) {
        return new OkHttpFetcherBuilder(settings);
    }

    @Override
    public CompletableFuture<FetchOutcome> fetch(FetchRequest request) {
        FetchJob job = new FetchJob(request, false, retryPolicy.start(), flow);
        flow.admit(job);
        return job.future;
    }

    /**
     * Seats on hosts for callers that run a sequence of requests to one (the crawl engine's workers): the same per-host
     * scheduler and cap as the requests themselves.
     */
    public dev.scout.crawler.internal.politeness.HostSeats seats() {
        return scheduler;
    }


    @Override
    public FetchStats stats() {
        return stats.snapshot();
    }

    /** Listener exceptions caught so far (they never break a fetch). */
    public long listenerFailures() {
        return events.listenerFailures();
    }

    /** Bytes held by the response cache. */
    public long cachedBytes() {
        return cache.weightedSize();
    }

    @Override
    public void close() {
        flow.close();
        scheduler.close();
        client.dispatcher().cancelAll();
        ioExecutor.shutdown();
        storeReads.ifPresent(ExecutorService::shutdownNow);
        client.connectionPool().evictAll();
        if (ownsTimer) {
            timer.shutdownNow();
        }
        rateWrites.ifPresent(ExecutorService::shutdown); // the rates learned so far are still passed on
        try {
            ioExecutor.awaitTermination(2, TimeUnit.SECONDS);
            if (rateWrites.isPresent()) {
                rateWrites.get().awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HostScheduler scheduler() {
        return scheduler;
    }

    private CompletableFuture<RobotsResponse> fetchRobots(URI robotsUrl) {
        FetchJob job = new FetchJob(new FetchRequest(robotsUrl, "text/plain, */*;q=0.5", "robots.txt"), true,
                retryPolicy.start(), flow);
        flow.admit(job);
        return job.future.thenApply(OkHttpFetcher::robotsResponse);
    }

    private static RobotsResponse robotsResponse(FetchOutcome outcome) {
        if (outcome instanceof FetchOutcome.Fetched f) {
            return new RobotsResponse.Found(f.body(), f.contentType());
        } else if (outcome instanceof FetchOutcome.Gone g) {
            return new RobotsResponse.Unrestricted(g.status());
        } else if (outcome instanceof FetchOutcome.Rejected r) {
            return new RobotsResponse.Unrestricted(r.status());
        } else if (outcome instanceof FetchOutcome.AddressRefused a) {
            return new RobotsResponse.Refused(a.address(), a.reason());
        } else if (outcome instanceof FetchOutcome.Failed f) {
            return new RobotsResponse.Unavailable("robots.txt " + f.kind()
                    + f.status().stream().mapToObj(s -> " (HTTP " + s + ")").findFirst().orElse("") + ": " + f.cause());
        }
        return new RobotsResponse.Unavailable("robots.txt fetch ended as " + outcome.getClass().getSimpleName());
    }

    private static boolean retryableError(Throwable error) {
        // Everything the exchange reports as an error is an I/O problem; our own refusals never get here.
        return error instanceof IOException || error instanceof InterruptedIOException;
    }
}
