package dev.scout.crawler.platform;

import java.util.List;

/** One result per looked-up reference, in request order, and the requests it took. */
public record LookupBatch(List<ProfileLookup> results, int requests) {
    public LookupBatch {
        results = List.copyOf(results);
    }
}
