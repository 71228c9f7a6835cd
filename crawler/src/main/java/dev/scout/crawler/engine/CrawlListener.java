package dev.scout.crawler.engine;

import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;

/**
 * Progress of a crawl, for the app's progress bar. Called from worker threads: implementations must be thread-safe
 * and return quickly. Every method has a no-op default.
 */
public interface CrawlListener {

    CrawlListener NONE = new CrawlListener() {
    };

    /** {@code added} new profiles entered the frontier; {@code known} profiles are known in total. */
    default void discovered(int added, long known) {
    }

    /** A profile's snapshot was stored. */
    default void completed(ProfileSnapshot snapshot) {
    }

    /** A profile failed; {@code willRetry} says whether it goes back to the frontier. */
    default void failed(ProfileRef ref, String reason, boolean willRetry) {
    }

    /** A profile was skipped (opted out, out of range, duplicate, quota parked). */
    default void skipped(ProfileRef ref, String reason) {
    }
}
