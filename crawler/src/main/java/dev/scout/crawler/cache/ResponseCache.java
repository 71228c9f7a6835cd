package dev.scout.crawler.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scout.crawler.http.FetchOutcome;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Responses that carry a validator ({@code ETag} or {@code Last-Modified}), kept so the next fetch of the same URL
 * and Accept can be a conditional GET; a 304 then returns the cached response without a new body. Two tiers: a
 * Caffeine cache in memory, bounded by bytes through a weigher, in front of an optional {@link ResponseStore} that
 * outlives the process (read on its own executor, since it may block on I/O). Thread-safe.
 */
public final class ResponseCache {
    /**
     * Rough heap cost of an entry beyond its characters and body: the record, its URI, the key string and the
     * cache's node. Measured on a 100,000-profile crawl: weighing characters only undercounted small responses
     * (account lookups) by about 2 KiB each, so a cache "full" at its weight held far more heap than its bound.
     */
    private static final int ENTRY_OVERHEAD = 1_024;
    /** Heap cost of one header line beyond its characters: map entry, list, array and two strings. */
    private static final int HEADER_OVERHEAD = 160;
    /** Heap cost of one header value beyond its characters: its string and list slot. */
    private static final int VALUE_OVERHEAD = 40;

    private final Optional<Cache<String, FetchOutcome.Fetched>> cache;
    private final ResponseStore store;
    private final Executor storeReads;

    /** A memory-only cache. @param maxBytes total weight; 0 disables caching */
    public ResponseCache(long maxBytes) {
        this(maxBytes, ResponseStore.NONE, Runnable::run);
    }

    /**
     * @param maxBytes   total weight of the memory tier; 0 disables it (the store tier still works)
     * @param store      the persistent tier ({@link ResponseStore#NONE} for none)
     * @param storeReads runs {@link ResponseStore#find}, which may block
     */
    public ResponseCache(long maxBytes, ResponseStore store, Executor storeReads) {
        this.cache = maxBytes == 0 ? Optional.empty() : Optional.of(Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, FetchOutcome.Fetched>weigher((key, value) -> weight(key, value))
                .recordStats()
                .build());
        this.store = Objects.requireNonNull(store, "store");
        this.storeReads = Objects.requireNonNull(storeReads, "storeReads");
    }

    /**
     * The response to revalidate for this URL and Accept: the memory tier's at once, else the store's, read on the
     * store executor and then kept in memory too. The future completes exceptionally when the store failed.
     */
    public CompletableFuture<Optional<FetchOutcome.Fetched>> lookup(URI url, String accept) {
        Optional<FetchOutcome.Fetched> inMemory = get(url, accept);
        if (inMemory.isPresent() || store == ResponseStore.NONE) {
            return CompletableFuture.completedFuture(inMemory);
        }
        return CompletableFuture.supplyAsync(() -> store.find(url, accept), storeReads).thenApply(found -> {
            found.ifPresent(f -> cache.ifPresent(c -> c.put(key(url, accept), f)));
            return found;
        });
    }

    /** The cached response for this URL and Accept, if any. */
    public Optional<FetchOutcome.Fetched> get(URI url, String accept) {
        return cache.flatMap(c -> Optional.ofNullable(c.getIfPresent(key(url, accept))));
    }

    /** Keeps {@code response} in memory when it has a validator; otherwise drops any stale entry for the URL. */
    public void put(URI url, String accept, FetchOutcome.Fetched response) {
        cache.ifPresent(c -> {
            if (hasValidator(response)) {
                c.put(key(url, accept), response);
            } else {
                c.invalidate(key(url, accept));
            }
        });
    }

    /**
     * {@link #put} plus the store tier: a response with a validator is saved for {@code owner}; one without replaces
     * nothing there unless {@code hadStored} says an earlier copy may be stored, which is then removed.
     * Store failures propagate (unchecked) after the memory tier is updated.
     */
    public void put(URI url, String accept, String owner, FetchOutcome.Fetched response, boolean hadStored) {
        put(url, accept, response);
        if (hasValidator(response)) {
            store.save(url, accept, owner, response);
        } else if (hadStored) {
            store.remove(url, accept);
        }
    }

    /** Whether the response carries {@code ETag} or {@code Last-Modified}, so it can be revalidated. */
    public static boolean hasValidator(FetchOutcome.Fetched response) {
        return response.header("ETag").isPresent() || response.header("Last-Modified").isPresent();
    }

    /** Conditional request headers for a cached response ({@code If-None-Match}, {@code If-Modified-Since}). */
    public static Map<String, String> validators(FetchOutcome.Fetched cached) {
        Map<String, String> headers = new LinkedHashMap<>();
        cached.header("ETag").ifPresent(v -> headers.put("If-None-Match", v));
        cached.header("Last-Modified").ifPresent(v -> headers.put("If-Modified-Since", v));
        return headers;
    }

    /** Current total weight in bytes (after pending evictions). */
    public long weightedSize() {
        return cache.map(c -> {
            c.cleanUp();
            return c.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        }).orElse(0L);
    }

    private static String key(URI url, String accept) {
        return accept + " " + url;
    }

    private static int weight(String key, FetchOutcome.Fetched value) {
        long headerBytes = 0;
        for (Map.Entry<String, List<String>> e : value.headers().entrySet()) {
            headerBytes += HEADER_OVERHEAD + String.valueOf(e.getKey()).length();
            for (String v : e.getValue()) {
                headerBytes += VALUE_OVERHEAD + v.length();
            }
        }
        long total = ENTRY_OVERHEAD + key.length() + headerBytes + value.body().length;
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
