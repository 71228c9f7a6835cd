package dev.scout.crawler.cache;

import dev.scout.crawler.http.FetchOutcome;

import java.net.URI;
import java.util.Optional;

/**
 * The persistent second tier of the {@link ResponseCache}: responses that carry a validator ({@code ETag} or
 * {@code Last-Modified}), kept across runs so that a later run's first fetch of a URL can be a conditional GET and
 * a 304 still hands the platform client the stored body.
 *
 * <p>{@link #find} may block on I/O; the fetcher calls it on its own thread, never on the politeness scheduler's.
 * {@link #save} and {@link #remove} may be write-behind (queued, committed later). Implementations are
 * thread-safe and decide themselves what they keep (an implementation may keep nothing for owners it cannot
 * forget later). They may throw unchecked exceptions; the fetcher then falls back to an unconditional request.
 */
public interface ResponseStore {

    /** Keeps nothing and finds nothing: the fetcher's conditional cache lives only as long as the process. */
    ResponseStore NONE = new ResponseStore() {
        @Override
        public Optional<FetchOutcome.Fetched> find(URI url, String accept) {
            return Optional.empty();
        }

        @Override
        public void save(URI url, String accept, String owner, FetchOutcome.Fetched response) {
            // Nothing is kept: this tier is switched off.
        }

        @Override
        public void remove(URI url, String accept) {
            // Nothing was kept, so there is nothing to remove.
        }
    };

    /** The stored response for this URL and Accept header, its {@link FetchOutcome.Fetched#url()} set to {@code url}. */
    Optional<FetchOutcome.Fetched> find(URI url, String accept);

    /**
     * Keeps {@code response} (which has a validator) in place of any earlier one for the URL and Accept header.
     *
     * @param owner what the request was for ({@link dev.scout.crawler.http.FetchRequest#subject()}): a profile id
     *              such as {@code mastodon:ana@fika.example} lets the store forget the response with the profile
     */
    void save(URI url, String accept, String owner, FetchOutcome.Fetched response);

    /** Drops the stored response for this URL and Accept header, if any (the server stopped sending validators). */
    void remove(URI url, String accept);
}
