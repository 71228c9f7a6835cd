package dev.scout.crawler.platform.threads;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.http.Fetcher;
import dev.scout.crawler.http.HostKey;
import dev.scout.crawler.platform.FollowerSample;
import dev.scout.crawler.platform.Json;
import dev.scout.crawler.platform.LookupBatch;
import dev.scout.crawler.platform.PlatformClient;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.ProfileLookup;
import dev.scout.crawler.platform.RecentPosts;
import dev.scout.crawler.platform.RequestCounter;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.platform.meta.GraphCalls;
import dev.scout.crawler.platform.meta.UsageGate;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Threads through the Profile Discovery API (reference §3.2, permission {@code threads_profile_discovery}):
 * {@code GET /profile_lookup?username=} for the profile and its engagement totals, {@code GET /profile_posts} for
 * recent posts, cursor-paged. The endpoint and field names come from client code and notes [SECONDARY]; Meta also
 * limits it to public profiles of people 18+ with at least 100 followers, and about 1,000 calls per 24 h
 * [SECONDARY, UNVERIFIED].
 *
 * <p>Posts read this way carry no per-post counts, so every post gets an even share of the profile's
 * {@code likes_count}, {@code replies_count}, {@code reposts_count} and {@code quotes_count} and the label
 * {@link #LABEL_PROFILE_TOTALS}; which period those totals cover is [UNVERIFIED]. Thread-safe.
 */
public final class ThreadsClient implements PlatformClient {
    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.threads.net");
    /** Label of posts whose counts are an even share of the profile's totals, not their own. */
    public static final String LABEL_PROFILE_TOTALS = "engagement-from-profile-totals";
    static final String PROFILE_FIELDS = "username,name,biography,is_verified,follower_count,likes_count,quotes_count,"
            + "replies_count,reposts_count,views_count";
    static final String POST_FIELDS = "id,text,timestamp,permalink,media_type";
    private static final int PAGE = 50;
    private static final java.util.regex.Pattern HASHTAG =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]{1,100})");

    private final ThreadsSettings settings;
    private final GraphCalls calls;

    public ThreadsClient(Fetcher fetcher, ThreadsSettings settings, String token, UsageGate gate) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calls = new GraphCalls(fetcher, Platform.THREADS, token, gate);
    }

    @Override
    public Platform platform() {
        return Platform.THREADS;
    }

    @Override
    public int lookupBatchSize() {
        return 1;
    }

    @Override
    public String hostKey(ProfileRef ref) {
        return HostKey.of(settings.baseUrl());
    }

    public UsageGate gate() {
        return calls.gate();
    }

    @Override
    public LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException {
        RequestCounter counter = new RequestCounter();
        List<ProfileLookup> results = new ArrayList<>();
        for (ProfileRef ref : refs) {
            URI url = URI.create(settings.root() + "/profile_lookup?username=" + enc(ref.value()) + "&fields="
                    + enc(PROFILE_FIELDS));
            try {
                JsonNode p = calls.get(url, ref.id(), counter);
                if (Json.nonBlank(p, "username").isEmpty()) {
                    results.add(new ProfileLookup.Missing(ref, "no public Threads profile named " + ref.value()));
                    continue;
                }
                results.add(new ProfileLookup.Found(ref, new ResolvedProfile(toAccount(p, ref), totals(p),
                        URI.create(settings.root()))));
            } catch (PlatformException e) {
                results.add(e.kind() == PlatformException.Kind.NOT_FOUND
                        ? new ProfileLookup.Missing(ref, "no public Threads profile named " + ref.value()
                                + " (or not open to Profile Discovery: public, 18+, 100+ followers)")
                        : new ProfileLookup.Failed(ref, e));
            }
        }
        return new LookupBatch(results, counter.count());
    }

    @Override
    public RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        RequestCounter counter = new RequestCounter();
        String subject = profile.account().id();
        List<Post> posts = new ArrayList<>();
        Optional<String> after = Optional.empty();
        Set<String> seen = new HashSet<>();
        while (posts.size() < max) {
            int limit = Math.min(PAGE, max - posts.size());
            URI url = URI.create(settings.root() + "/profile_posts?username=" + enc(profile.account().handle())
                    + "&fields=" + enc(POST_FIELDS) + "&limit=" + limit + after.map(a -> "&after=" + enc(a)).orElse(""));
            JsonNode page = calls.get(url, subject, counter);
            List<JsonNode> data = Json.array(page, "data");
            for (JsonNode n : data) {
                Optional<String> id = Json.nonBlank(n, "id");
                var at = Json.instant(n, "timestamp");
                if (id.isPresent() && at.isPresent() && posts.size() < max) {
                    String text = Json.textOr(n, "text", "");
                    posts.add(Post.builder(id.get(), at.get()).url(Json.textOr(n, "permalink", "")).text(text)
                            .hashtags(hashtags(text)).build());
                }
            }
            // paging.next only says that there is more; the next URL is built from the cursor, never taken from
            // paging.next, which could carry a token in its query.
            Optional<JsonNode> paging = Json.object(page, "paging");
            boolean more = paging.flatMap(p -> Json.nonBlank(p, "next")).isPresent();
            after = paging.flatMap(p -> Json.object(p, "cursors")).flatMap(c -> Json.nonBlank(c, "after"));
            if (!more || data.isEmpty() || after.isEmpty() || !seen.add(after.get())) {
                break;
            }
        }
        return new RecentPosts(withShareOfTotals(posts, profile.nativeId()), List.of(), counter.count());
    }

    /** No follower lists through the Threads API: empty, no request. */
    @Override
    public FollowerSample followers(ResolvedProfile profile, int max) {
        return new FollowerSample(List.of(), 0);
    }

    /** Profile Discovery has no hashtag search: Threads profiles come from seeds. */
    @Override
    public TagDiscovery discoverByHashtag(String hashtag, int pages) {
        return TagDiscovery.none();
    }

    private static Account toAccount(JsonNode p, ProfileRef asked) {
        String username = Json.nonBlank(p, "username").map(u -> u.toLowerCase(Locale.ROOT)).orElse(asked.value());
        Account.Builder b = Account.builder(new ProfileRef(Platform.THREADS, username))
                .handle(username)
                .displayName(Json.textOr(p, "name", ""))
                .bio(Json.textOr(p, "biography", ""))
                .profileUrl("https://www.threads.net/@" + username);
        Json.count(p, "follower_count").ifPresent(b::followers);
        return b.build();
    }

    /** The profile's totals as {@code likes,replies,shares}, carried to {@link #recentPosts} in the native id. */
    private static String totals(JsonNode p) {
        long likes = Json.countOr0(p, "likes_count");
        long replies = Json.countOr0(p, "replies_count");
        long shares = Json.countOr0(p, "reposts_count") + Json.countOr0(p, "quotes_count");
        return likes + "," + replies + "," + shares;
    }

    private static List<Post> withShareOfTotals(List<Post> posts, String totals) {
        if (posts.isEmpty()) {
            return posts;
        }
        String[] t = totals.split(",");
        long n = posts.size();
        long likes = Long.parseLong(t[0]) / n;
        long replies = Long.parseLong(t[1]) / n;
        long shares = Long.parseLong(t[2]) / n;
        List<Post> out = new ArrayList<>();
        for (Post p : posts) {
            out.add(new Post(p.id(), p.url(), p.createdAt(), p.text(), p.hashtags(), p.mentions(), p.links(), likes,
                    replies, shares, p.views(), false, false, false, List.of(LABEL_PROFILE_TOTALS)));
        }
        return out;
    }

    private static List<String> hashtags(String text) {
        List<String> out = new ArrayList<>();
        var m = HASHTAG.matcher(text);
        while (m.find()) {
            String h = m.group(1).toLowerCase(Locale.ROOT);
            if (!out.contains(h)) {
                out.add(h);
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
