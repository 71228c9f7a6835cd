package dev.scout.crawler.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.scout.crawler.http.FetchOutcome;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Responses that carry a validator ({@code ETag} or {@code Last-Modified}), kept so the next fetch of the same URL
 * and Accept can be a conditional GET; a 304 then returns the cached response without a new body. Bounded by bytes
 * through a Caffeine weigher. Thread-safe.
 */
public final class ResponseCache {
    /** Rough per-entry cost of the key, headers and record, so that many empty bodies still count. */
    private static final int ENTRY_OVERHEAD = 512;

    private final Optional<Cache<String, FetchOutcome.Fetched>> cache;

    /** @param maxBytes total weight; 0 disables caching */
    public ResponseCache(long maxBytes) {
        this.cache = maxBytes == 0 ? Optional.empty() : Optional.of(Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .<String, FetchOutcome.Fetched>weigher((key, value) -> weight(key, value))
                .recordStats()
                .build());
    }

    /** The cached response for this URL and Accept, if any. */
    public Optional<FetchOutcome.Fetched> get(URI url, String accept) {
        return cache.flatMap(c -> Optional.ofNullable(c.getIfPresent(key(url, accept))));
    }

    /** Keeps {@code response} when it has a validator; otherwise drops any stale entry for the URL. */
    public void put(URI url, String accept, FetchOutcome.Fetched response) {
        cache.ifPresent(c -> {
            if (response.header("ETag").isPresent() || response.header("Last-Modified").isPresent()) {
                c.put(key(url, accept), response);
            } else {
                c.invalidate(key(url, accept));
            }
        });
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
            headerBytes += String.valueOf(e.getKey()).length();
            for (String v : e.getValue()) {
                headerBytes += v.length();
            }
        }
        long total = ENTRY_OVERHEAD + key.length() + headerBytes + value.body().length;
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
