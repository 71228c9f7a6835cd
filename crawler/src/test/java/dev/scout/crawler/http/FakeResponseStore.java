package dev.scout.crawler.http;

import dev.scout.crawler.cache.ResponseStore;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ResponseStore} in a map (the real one is the SQLite store, which the crawler module cannot see). It
 * copies what it keeps, as a database would, and records the threads that read it.
 */
final class FakeResponseStore implements ResponseStore {
    record Saved(String owner, FetchOutcome.Fetched response) {
    }

    final Map<String, Saved> saved = new ConcurrentHashMap<>();
    final List<String> readerThreads = new CopyOnWriteArrayList<>();
    volatile boolean failReads;

    @Override
    public Optional<FetchOutcome.Fetched> find(URI url, String accept) {
        readerThreads.add(Thread.currentThread().getName());
        if (failReads) {
            throw new IllegalStateException("disk unreadable (simulated)");
        }
        return Optional.ofNullable(saved.get(accept + " " + url)).map(s -> new FetchOutcome.Fetched(url,
                s.response().status(), s.response().headers(), s.response().body().clone(), s.response().contentType()));
    }

    @Override
    public void save(URI url, String accept, String owner, FetchOutcome.Fetched response) {
        saved.put(accept + " " + url, new Saved(owner, response));
    }

    @Override
    public void remove(URI url, String accept) {
        saved.remove(accept + " " + url);
    }

    Optional<Saved> at(URI url) {
        return Optional.ofNullable(saved.get(FetchRequest.JSON + " " + url));
    }
}
