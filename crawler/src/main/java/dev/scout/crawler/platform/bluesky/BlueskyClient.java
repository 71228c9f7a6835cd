package dev.scout.crawler.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.http.Fetcher;
import dev.scout.crawler.http.HostKey;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.Json;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.PlatformHttp;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bluesky adapter over the public AppView, no authentication (reference §2). Lookups batch 25 actors per
 * {@code getProfiles}; one {@code getAuthorFeed} page holds 100 posts. Reposts are never the reposter's posts;
 * {@code !no-unauthenticated} profiles are skipped. Hashtag discovery is not offered: unauthenticated
 * {@code searchPosts} answers 403, so discovery relies on seeds, mentions, reposted authors and follower graphs.
 * Thread-safe.
 */
public final class BlueskyClient implements PlatformClient {
    public static final URI DEFAULT_BASE_URL = URI.create("https://public.api.bsky.app");
    private static final int PROFILES_BATCH = 25;
    private static final int FEED_PAGE = 100;
    private static final int FOLLOWERS_PAGE = 100;

    private final PlatformHttp http;
    private final String base;

    /** @param baseUrl the AppView, e.g. {@link #DEFAULT_BASE_URL} ({@code platforms.bluesky.baseUrl}) */
    public BlueskyClient(Fetcher fetcher, URI baseUrl) {
        this.http = new PlatformHttp(fetcher, Platform.BLUESKY);
        String s = baseUrl.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("platforms.bluesky.baseUrl must be an absolute http(s) URL (got "
                    + baseUrl + ")");
        }
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    @Override
    public int lookupBatchSize() {
        return PROFILES_BATCH;
    }

    @Override
    public String hostKey(ProfileRef ref) {
        return HostKey.of(URI.create(base));
    }

    @Override
    public LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException {
        if (refs.isEmpty()) {
            return new LookupBatch(List.of(), 0);
        }
        if (refs.size() > PROFILES_BATCH) {
            throw new IllegalArgumentException("getProfiles takes at most " + PROFILES_BATCH + " actors, got " + refs.size());
        }
        StringBuilder q = new StringBuilder();
        for (ProfileRef r : refs) {
            q.append(q.length() == 0 ? "?" : "&").append("actors=").append(enc(r.value()));
        }
        URI url = URI.create(base + "/xrpc/app.bsky.actor.getProfiles" + q);
        String subject = refs.size() == 1 ? refs.get(0).id() : refs.size() + " Bluesky profiles";
        List<ProfileLookup> out = new ArrayList<>();
        try {
            JsonNode body = http.getJson(url, subject).body();
            if (!body.has("profiles") || !body.get("profiles").isArray()) {
                throw http.malformed(url, subject, "getProfiles answer has no 'profiles' array", null);
            }
            Map<String, JsonNode> byKey = new HashMap<>();
            for (JsonNode p : body.get("profiles")) {
                Json.nonBlank(p, "did").ifPresent(d -> byKey.put(d, p));
                Json.nonBlank(p, "handle").ifPresent(h -> byKey.put(h.toLowerCase(Locale.ROOT), p));
            }
            for (ProfileRef r : refs) {
                JsonNode view = byKey.get(r.value().startsWith("did:") ? r.value() : r.value().toLowerCase(Locale.ROOT));
                out.add(view == null
                        ? new ProfileLookup.Missing(r, "unknown to the Bluesky AppView (" + url + ")")
                        : found(r, view));
            }
        } catch (PlatformException e) {
            refs.forEach(r -> out.add(new ProfileLookup.Failed(r, e)));
        }
        return new LookupBatch(out, 1);
    }

    private ProfileLookup found(ProfileRef asked, JsonNode view) {
        Optional<String> optOut = BlueskyProfiles.optOutReason(view);
        if (optOut.isPresent()) {
            return new ProfileLookup.Skipped(asked, optOut.get());
        }
        ProfileRef canonical = BlueskyProfiles.ref(view).orElse(asked);
        Account account = BlueskyProfiles.toAccount(view, canonical);
        return new ProfileLookup.Found(asked, new ResolvedProfile(account, canonical.value(), URI.create(base)));
    }

    @Override
    public RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        String did = profile.nativeId();
        String subject = profile.account().id();
        List<Post> posts = new ArrayList<>();
        List<Sighting> sightings = new ArrayList<>();
        int requests = 0;
        Optional<String> cursor = Optional.empty();
        boolean more = max > 0;
        while (more && posts.size() < max) {
            URI url = URI.create(base + "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + enc(did) + "&limit="
                    + Math.min(FEED_PAGE, Math.max(1, max)) + "&filter=posts_no_replies"
                    + cursor.map(c -> "&cursor=" + enc(c)).orElse(""));
            requests++;
            JsonNode body = http.getJson(url, subject).body();
            if (!body.has("feed") || !body.get("feed").isArray()) {
                throw http.malformed(url, subject, "getAuthorFeed answer has no 'feed' array", null);
            }
            for (JsonNode item : body.get("feed")) {
                JsonNode postView = item.get("post");
                if (postView == null || !postView.isObject()) {
                    continue;
                }
                Optional<Post> post = BlueskyPosts.toPost(postView, BlueskyPosts.isPinned(item));
                if (post.isEmpty()) {
                    continue;
                }
                if (BlueskyPosts.isRepost(item, did)) {
                    // Reposted posts belong to their author: a lead for discovery, not the reposter's engagement.
                    Json.object(postView, "author").flatMap(BlueskyProfiles::ref)
                            .ifPresent(r -> sightings.add(new Sighting(r, "repost", post.get())));
                    continue;
                }
                if (posts.size() < max) {
                    posts.add(post.get());
                    for (String m : post.get().mentions()) {
                        sightings.add(new Sighting(new ProfileRef(Platform.BLUESKY, m), "mention", post.get()));
                    }
                }
            }
            cursor = Json.nonBlank(body, "cursor");
            more = cursor.isPresent();
        }
        return new RecentPosts(posts, sightings, requests);
    }

    @Override
    public FollowerSample followers(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        return graph(profile, "app.bsky.graph.getFollowers", "followers", max);
    }

    @Override
    public FollowerSample following(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        return graph(profile, "app.bsky.graph.getFollows", "follows", max);
    }

    /** A follower/follows list, 100 a page, following the body cursor. Views carry no counts. */
    private FollowerSample graph(ResolvedProfile profile, String nsid, String key, int max)
            throws PlatformException, InterruptedException {
        String subject = profile.account().id();
        List<Account> accounts = new ArrayList<>();
        int requests = 0;
        Optional<String> cursor = Optional.empty();
        boolean more = max > 0;
        while (more && accounts.size() < max) {
            URI url = URI.create(base + "/xrpc/" + nsid + "?actor=" + enc(profile.nativeId())
                    + "&limit=" + Math.min(FOLLOWERS_PAGE, max) + cursor.map(c -> "&cursor=" + enc(c)).orElse(""));
            requests++;
            JsonNode body = http.getJson(url, subject).body();
            if (!body.has(key) || !body.get(key).isArray()) {
                throw http.malformed(url, subject, nsid + " answer has no '" + key + "' array", null);
            }
            for (JsonNode f : body.get(key)) {
                if (accounts.size() < max) {
                    BlueskyProfiles.ref(f).ifPresent(r -> accounts.add(BlueskyProfiles.toAccount(f, r)));
                }
            }
            cursor = Json.nonBlank(body, "cursor");
            more = cursor.isPresent() && body.get(key).size() > 0;
        }
        return new FollowerSample(accounts, requests);
    }

    /** Always empty, zero requests: unauthenticated {@code searchPosts} is refused (403) on the public AppView. */
    @Override
    public TagDiscovery discoverByHashtag(String hashtag, int pages) {
        return TagDiscovery.none();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
