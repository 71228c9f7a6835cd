package dev.scout.crawler.engine;

/**
 * The crawl could not go on: an error escaped a worker's own safety nets (typically the frontier's store failing).
 * Entries the run still held were given back to the frontier, so the next run resumes them.
 */
public final class CrawlAbortedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CrawlAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
