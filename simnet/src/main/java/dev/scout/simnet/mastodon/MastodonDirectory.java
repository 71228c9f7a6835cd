package dev.scout.simnet.mastodon;

import dev.scout.model.Platform;
import dev.scout.simnet.http.LiveChanges;
import dev.scout.simnet.population.Population;
import dev.scout.simnet.population.SimAccount;
import dev.scout.simnet.population.SimPost;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What all simulated Mastodon instances know, indexed once: accounts by id and handle, each instance's base URL,
 * and per-instance hashtag timelines. Base URLs are registered after the servers have bound their ports, before
 * the network is handed out. Thread-safe after construction.
 */
public final class MastodonDirectory {

    private final Population population;
    private final LiveChanges changes;
    private final Map<String, String> baseUrls = new ConcurrentHashMap<>();
    private final Map<String, SimAccount> byId = new HashMap<>();
    private final Map<String, List<SimPost>> tagTimelines = new HashMap<>();
    private final Set<String> knownTags = new HashSet<>();

    public MastodonDirectory(Population population) {
        this(population, new LiveChanges());
    }

    /** @param changes follower changes made after start, shown by every instance */
    public MastodonDirectory(Population population, LiveChanges changes) {
        this.population = population;
        this.changes = changes;
        for (SimAccount a : population.on(Platform.MASTODON)) {
            byId.put(accountId(a), a);
            if (a.flags().suspended()) {
                continue;
            }
            for (SimPost p : population.posts(a.index())) {
                if (p.isRepost()) {
                    continue;
                }
                for (String tag : p.hashtags()) {
                    String t = tag.toLowerCase(Locale.ROOT);
                    knownTags.add(t);
                    if (!a.flags().locked()) {
                        tagTimelines.computeIfAbsent(a.domain() + "#" + t, k -> new ArrayList<>()).add(p);
                    }
                }
            }
        }
        tagTimelines.values().forEach(l -> l.sort(Comparator.comparingLong(SimPost::id).reversed()));
    }

    /** Records where an instance's API is served. */
    public void register(String domain, String baseUrl) {
        baseUrls.put(domain, baseUrl);
    }

    /** Changes made to the network after start. */
    public LiveChanges changes() {
        return changes;
    }

    public Population population() {
        return population;
    }

    /** The API base URL of the instance a handle domain belongs to. */
    public String baseUrl(String domain) {
        String url = baseUrls.get(domain);
        if (url == null) {
            throw new IllegalStateException("no simulated instance registered for domain " + domain);
        }
        return url;
    }

    /** Mastodon-style opaque id: the creation time in the high bits (Snowflake-like), the index in the low 16. */
    public static String accountId(SimAccount a) {
        return Long.toString((a.createdAt().toEpochMilli() << 16) | (a.index() & 0xFFFF));
    }

    public Optional<SimAccount> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<SimAccount> local(String domain, String username) {
        return population.byHandle(Platform.MASTODON, username.toLowerCase(Locale.ROOT) + "@" + domain);
    }

    /** Public posts on {@code domain} carrying {@code tag} (lower case), newest first. */
    public List<SimPost> tagTimeline(String domain, String tag) {
        return tagTimelines.getOrDefault(domain + "#" + tag, List.of());
    }

    /** True when any instance has ever seen the tag (unknown tags answer 404). */
    public boolean knownTag(String tag) {
        return knownTags.contains(tag);
    }

    public String profileUrl(SimAccount a) {
        return baseUrl(a.domain()) + "/@" + a.username();
    }

    public String actorUri(SimAccount a) {
        return baseUrl(a.domain()) + "/users/" + a.username();
    }
}
