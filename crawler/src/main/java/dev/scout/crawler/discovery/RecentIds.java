package dev.scout.crawler.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently added profile ids, at most {@code capacity}; the oldest is forgotten first. A cheap in-memory
 * first check before asking the store: the frontier in the store is what makes ids unique, so forgetting an id
 * costs at most one redundant offer or fetch, never a lost or double entry. Memory stays bounded however long the
 * crawl. Thread-safe.
 */
public final class RecentIds {
    /** Ids a crawl keeps in memory by default: about 1 MiB. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final Map<String, Boolean> ids;

    public RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 (got " + capacity + ")");
        }
        this.ids = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records {@code id}; false when it was already among the recent ones. */
    public synchronized boolean add(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    public synchronized boolean contains(String id) {
        return ids.containsKey(id);
    }

    public synchronized void remove(String id) {
        ids.remove(id);
    }

    public synchronized int size() {
        return ids.size();
    }
}
