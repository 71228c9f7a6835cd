package dev.scout.simnet.http;

import dev.scout.simnet.population.SimAccount;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes made to the served network after it started, on top of the generated population (which stays
 * immutable): an account gaining followers between two crawls, so a re-crawl must notice it. Every renderer of
 * follower counts reads through here. Thread-safe.
 */
public final class LiveChanges {
    private final Map<Integer, Long> addedFollowers = new ConcurrentHashMap<>();

    /** Adds {@code n} followers (negative: removes) to the account at {@code accountIndex}; never below zero shown. */
    public void addFollowers(int accountIndex, long n) {
        addedFollowers.merge(accountIndex, n, Long::sum);
    }

    /** The follower count the account shows now. */
    public long followers(SimAccount a) {
        return Math.max(0, a.followers() + addedFollowers.getOrDefault(a.index(), 0L));
    }
}
