package dev.scout.crawler.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Problems that did not stop a crawl, bounded: the first {@link #KEPT} are kept word for word and the rest only
 * counted, so a crawl where every profile hides its follower list does not hold one message per profile.
 * Thread-safe.
 */
final class CrawlWarnings {
    static final int KEPT = 200;

    private final List<String> kept = new ArrayList<>();
    private long dropped;

    synchronized void add(String warning) {
        if (kept.size() < KEPT) {
            kept.add(warning);
        } else {
            dropped++;
        }
    }

    /** The kept warnings, then one line counting those not kept (when there were any). */
    synchronized List<String> list() {
        List<String> out = new ArrayList<>(kept);
        if (dropped > 0) {
            out.add("… and " + dropped + " more warnings not kept (only the first " + KEPT + " are)");
        }
        return List.copyOf(out);
    }
}
