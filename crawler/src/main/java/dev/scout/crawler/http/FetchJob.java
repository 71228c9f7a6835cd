package dev.scout.crawler.http;

import dev.scout.crawler.internal.politeness.LaneTask;
import dev.scout.crawler.internal.resilience.RetryBudget;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request's journey: its current URL (after redirects), retry budget, time lost to 429s and the future its
 * caller holds. Its attempts are sequential, so its fields are only touched by one thread at a time.
 */
final class FetchJob implements LaneTask {
    final FetchRequest request;
    final boolean robotsFile;
    final RetryBudget<Attempt> retry;
    final CompletableFuture<FetchOutcome> future = new CompletableFuture<>();
    /** Set by the one call that ends the job. */
    final AtomicBoolean finished = new AtomicBoolean();
    private final FetchFlow flow;
    URI url;
    String hostKey;
    int redirects;
    int tooManyRequests;
    long rateLimitWaitNanos;
    /** The wait the last 429 asked for, set by {@link AnswerRouter#observe}. */
    long lastTooManyWaitNanos;
    /**
     * The cached response whose validators the attempts send (looked up before the job enters its lane); a 304
     * answers with exactly this response.
     */
    Optional<FetchOutcome.Fetched> revalidate = Optional.empty();

    FetchJob(FetchRequest request, boolean robotsFile, RetryBudget<Attempt> retry, FetchFlow flow) {
        this.request = request;
        this.robotsFile = robotsFile;
        this.retry = retry;
        this.flow = flow;
        moveTo(request.url());
    }

    void moveTo(URI next) {
        this.url = next;
        this.hostKey = HostKey.of(next);
    }

    @Override
    public void start(long waitedNanos) {
        flow.send(this, waitedNanos);
    }

    @Override
    public void circuitOpenTooLong(long waitedNanos) {
        flow.circuitOpenTooLong(this, waitedNanos);
    }

    @Override
    public void pacedTooLong(long waitNanos) {
        flow.pacedTooLong(this, waitNanos);
    }
}
