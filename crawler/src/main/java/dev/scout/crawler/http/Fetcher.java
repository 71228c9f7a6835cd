package dev.scout.crawler.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The polite fetching layer every platform adapter uses.
 *
 * <p>Implementations pace requests per host (configured rate, server-advertised limits, robots.txt crawl-delay),
 * retry what is worth retrying, guard addresses, and end every request in a typed {@link FetchOutcome}. The
 * returned future never completes exceptionally: failures are {@link FetchOutcome.Failed} outcomes. Thread-safe.
 */
public interface Fetcher extends AutoCloseable {

    /** Schedules the request; the future completes when its outcome is known (after pacing, retries and waits). */
    CompletableFuture<FetchOutcome> fetch(FetchRequest request);

    /**
     * Blocking convenience for adapters that make requests in sequence.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting (the flag is restored)
     */
    default FetchOutcome fetchAndWait(FetchRequest request) throws InterruptedException {
        try {
            return fetch(request).get();
        } catch (ExecutionException e) {
            // The contract says this cannot happen; surface it as a failure outcome rather than losing it.
            return new FetchOutcome.Failed(request.url(), FetchOutcome.FailureKind.INTERNAL, java.util.OptionalInt.empty(),
                    String.valueOf(e.getCause()), 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** Counters per host so far; a consistent copy. */
    FetchStats stats();

    /** Stops accepting work, cancels scheduled waits and releases the HTTP client. */
    @Override
    void close();
}
