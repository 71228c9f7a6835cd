package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the generated accounts, their posts and their follower lists. Immutable and thread-safe;
 * the same seed and size always produce an equal population.
 */
public final class Population {

    private final List<SimAccount> accounts;
    private final Map<Integer, List<SimPost>> postsByAuthor;
    private final Map<Long, SimPost> postsById = new HashMap<>();
    private final Map<Integer, List<Integer>> followers;
    private final Map<Integer, List<Integer>> following = new HashMap<>();
    private final Map<String, SimAccount> byHandle = new HashMap<>();
    private final Map<String, SimAccount> byDid = new HashMap<>();

    Population(List<SimAccount> accounts, Map<Integer, List<SimPost>> postsByAuthor, Map<Integer, List<Integer>> followers) {
        this.accounts = List.copyOf(accounts);
        Map<Integer, List<SimPost>> posts = new HashMap<>();
        postsByAuthor.forEach((k, v) -> posts.put(k, List.copyOf(v)));
        this.postsByAuthor = Collections.unmodifiableMap(posts);
        this.followers = Map.copyOf(followers);
        // The reverse of the follower lists, so an account's "following" list agrees with everyone's followers.
        this.followers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                e.getValue().forEach(f -> following.computeIfAbsent(f, k -> new java.util.ArrayList<>()).add(e.getKey())));
        for (List<SimPost> list : this.postsByAuthor.values()) {
            for (SimPost p : list) {
                postsById.put(p.id(), p);
            }
        }
        for (SimAccount a : this.accounts) {
            byHandle.put(a.platform().key() + ":" + a.handle(), a);
            a.did().ifPresent(d -> byDid.put(d, a));
        }
    }

    /** Every account, ordered by {@link SimAccount#index()}. */
    public List<SimAccount> accounts() {
        return accounts;
    }

    public SimAccount account(int index) {
        return accounts.get(index);
    }

    /** The account's posts, replies and reposts, newest first. */
    public List<SimPost> posts(int accountIndex) {
        return postsByAuthor.getOrDefault(accountIndex, List.of());
    }

    /**
     * The account's lifetime post count as the profile shows it: posting frequency times the account's age up to
     * its newest post, and never fewer than the posts served. The served list is only the recent tail of the
     * timeline, so using its size would give every ordinary person a few dozen posts at most, which real
     * accounts of several years do not have (and which a fake-account classifier rightly reads as a fake's mark).
     */
    public long postsCount(int accountIndex) {
        List<SimPost> served = posts(accountIndex);
        if (served.isEmpty()) {
            return 0;
        }
        SimAccount a = account(accountIndex);
        double days = Math.max(0, Duration.between(a.createdAt(), served.get(0).createdAt()).toSeconds() / 86_400.0);
        return Math.max(served.size(), Math.round(a.latent().postsPerDay() * days));
    }

    public Optional<SimPost> post(long id) {
        return Optional.ofNullable(postsById.get(id));
    }

    /** The followers the account's follower list shows, newest first (a capped sample of the displayed count). */
    public List<Integer> followers(int accountIndex) {
        return followers.getOrDefault(accountIndex, List.of());
    }

    /** The accounts this account follows, as far as the follower lists shown by the network tell. */
    public List<Integer> following(int accountIndex) {
        return Collections.unmodifiableList(following.getOrDefault(accountIndex, List.of()));
    }

    /** Looks up by platform and handle ({@code user@domain}, a Bluesky handle or a web slug). */
    public Optional<SimAccount> byHandle(Platform platform, String handle) {
        return Optional.ofNullable(byHandle.get(platform.key() + ":" + handle));
    }

    public Optional<SimAccount> byDid(String did) {
        return Optional.ofNullable(byDid.get(did));
    }

    /** Accounts on one platform, by index. */
    public List<SimAccount> on(Platform platform) {
        return accounts.stream().filter(a -> a.platform() == platform).toList();
    }
}
