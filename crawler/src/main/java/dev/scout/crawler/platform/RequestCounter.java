package dev.scout.crawler.platform;

/**
 * Counts the requests one adapter call sends, so each result can report its own cost even while other threads
 * use the same adapter. Confined to the calling thread; not thread-safe.
 */
public final class RequestCounter {
    private int count;

    /** Records one request about to be sent. */
    public void add() {
        count++;
    }

    public int count() {
        return count;
    }
}
