package dev.scout.crawler.http;

import java.util.Optional;

/**
 * Keeps what a fetcher learned of each host's sustained rate beyond the fetcher, so that the next process to crawl
 * the host — in a fleet, the worker that takes the host's lease over — starts near the rate the host tolerates
 * instead of at the configured rate, and does not trip the server's limit again while it relearns it.
 *
 * <p>The fetcher {@linkplain #remember reports} a host's rate only when its pacing has evidence from the host itself
 * (a rate learned from 429 answers, or read from rate-limit or usage headers), the first time and then whenever it
 * moves by more than 10 %: a handful of calls per host, never one per request, and what is kept is never far from
 * what the pacing holds (so nothing is left to flush when the host is given up). A rate the fetcher only started from
 * is never reported back, so its age keeps telling how old the evidence is.
 *
 * <p>The fetcher {@linkplain #recall recalls} a host's rate when it first may send to the host, and again whenever
 * its {@link HostPermit} grants requests under a new fencing token (the host changed hands and came back, perhaps
 * with something newer learned meanwhile). A recalled rate only ever slows the configured rate down, is replaced as
 * soon as the host advertises its limit in headers, is probed upwards like a rate learned from 429s, and is ignored
 * when older than {@link FetcherSettings#learnedRateMaxAge()}.
 *
 * <p>A separate interface rather than part of {@link HostPermit}: the permit decides, before every request, who may
 * send at all and must be quick; this one carries knowledge about the host, is called a few times per host, and can
 * exist without a permit (a store that remembers rates between runs on one machine) as a permit can without it.
 *
 * <p>Implementations must be thread-safe. {@link #remember} may block on a database round trip (the fetcher calls it
 * on a thread of its own, {@code scout-fetch-rates}, and lets the calls queued there finish when it closes);
 * {@link #recall} runs on the sending path and should answer from memory. An exception
 * (a database that cannot be reached) costs only the remembering: the fetcher counts it as {@code RecallFailed} /
 * {@code RememberFailed} under the pseudo-host {@code (rate-memory)} in {@link FetchStats} and carries on without it.
 */
public interface RateMemory {

    /** Remembers nothing: a single process learns every host afresh (the default). */
    RateMemory NONE = new RateMemory() {
        @Override
        public Optional<RememberedRate> recall(String host) {
            return Optional.empty();
        }

        @Override
        public void remember(String host, RememberedRate rate) {
            // nothing kept
        }
    };

    /** The rate remembered for {@code host} (a {@link HostKey}); empty when none is. */
    Optional<RememberedRate> recall(String host);

    /** The fetcher learned {@code rate} for {@code host} from the host's answers. */
    void remember(String host, RememberedRate rate);
}
