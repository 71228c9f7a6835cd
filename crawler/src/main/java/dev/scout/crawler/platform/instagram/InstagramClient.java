package dev.scout.crawler.platform.instagram;

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
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.platform.meta.GraphCalls;
import dev.scout.crawler.platform.meta.GraphError;
import dev.scout.crawler.platform.meta.UsageGate;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Instagram through the Graph API's Business Discovery (reference §1): public data of Business and Creator accounts,
 * read on behalf of the scout's own professional account. One call brings the profile and its first
 * {@link InstagramSettings#mediaPerLookup()} media (kept as the profile's embedded posts), so a profile with 40
 * posts costs one request; further pages go through {@code media.after(CURSOR)}.
 *
 * <p>Personal accounts and unknown names both answer code 110 / subcode 2207013 and end as
 * {@link ProfileLookup.Skipped} "not a business/creator account" (permanent, never retried). Throttling, the usage
 * ceiling, invalid tokens and missing permissions are handled by {@link GraphCalls} and its {@link UsageGate}.
 * Instagram publishes no follower lists. Thread-safe.
 *
 * <p>{@link ResolvedProfile#nativeId()} holds the media {@code after} cursor past the embedded posts (empty when
 * there are no more): Business Discovery addresses a profile by username, so the cursor is all a follow-up needs.
 */
public final class InstagramClient implements PlatformClient {
    public static final URI DEFAULT_BASE_URL = URI.create("https://graph.facebook.com");
    /** Reason given for 110/2207013 answers. */
    public static final String NOT_PROFESSIONAL = "not a business/creator account (Instagram Business Discovery reads"
            + " only professional accounts; personal and unknown usernames get the same answer)";

    private final InstagramSettings settings;
    private final GraphCalls calls;
    private final HashtagSearch hashtags;

    /** @param token {@code platforms.instagram.accessToken}; only ever sent in the Authorization header */
    public InstagramClient(Fetcher fetcher, InstagramSettings settings, String token, UsageGate gate) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.calls = new GraphCalls(fetcher, Platform.INSTAGRAM, token, gate);
        this.hashtags = new HashtagSearch(calls, settings);
    }

    @Override
    public Platform platform() {
        return Platform.INSTAGRAM;
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
            results.add(lookupOne(ref, counter));
        }
        return new LookupBatch(results, counter.count());
    }

    private ProfileLookup lookupOne(ProfileRef ref, RequestCounter counter) throws InterruptedException {
        int limit = settings.mediaPerLookup();
        URI url = discovery(ref.value(), InstagramMedia.PROFILE_FIELDS + ",media.limit(" + limit + "){"
                + InstagramMedia.MEDIA_FIELDS + "}");
        try {
            JsonNode bd = businessDiscovery(calls.get(url, ref.id(), counter), url, ref.id());
            JsonNode media = Json.object(bd, "media").orElse(null);
            List<Post> posts = media == null ? List.of() : InstagramMedia.posts(media);
            String cursor = media == null ? ""
                    : InstagramMedia.afterCursor(media, Json.array(media, "data").size(), limit).orElse("");
            return new ProfileLookup.Found(ref, new ResolvedProfile(InstagramMedia.toAccount(bd, ref), cursor,
                    URI.create(settings.root()), posts));
        } catch (PlatformException e) {
            if (GraphCalls.graphError(e).filter(GraphError::notProfessionalAccount).isPresent()) {
                return new ProfileLookup.Skipped(ref, NOT_PROFESSIONAL);
            }
            return new ProfileLookup.Failed(ref, e);
        }
    }

    /**
     * The embedded posts, then further pages through {@code media.after(cursor)} while fewer than {@code max}; each
     * page is one request. Mentioned accounts become sightings for discovery.
     */
    @Override
    public RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        RequestCounter counter = new RequestCounter();
        String subject = profile.account().id();
        List<Post> posts = new ArrayList<>(profile.embeddedPosts().subList(0, Math.min(max, profile.embeddedPosts().size())));
        String cursor = profile.nativeId();
        java.util.Set<String> seenCursors = new java.util.HashSet<>();
        while (posts.size() < max && !cursor.isEmpty() && seenCursors.add(cursor)) {
            int limit = Math.min(InstagramSettings.MAX_MEDIA_LIMIT, max - posts.size());
            URI url = discovery(profile.account().handle(), "media.after(" + cursor + ").limit(" + limit + "){"
                    + InstagramMedia.MEDIA_FIELDS + "}");
            JsonNode bd = businessDiscovery(calls.get(url, subject, counter), url, subject);
            JsonNode media = Json.object(bd, "media").orElse(null);
            if (media == null) {
                break;
            }
            posts.addAll(InstagramMedia.posts(media));
            cursor = InstagramMedia.afterCursor(media, Json.array(media, "data").size(), limit).orElse("");
        }
        List<Post> kept = posts.subList(0, Math.min(max, posts.size()));
        return new RecentPosts(kept, mentionSightings(kept), counter.count());
    }

    /** Instagram offers no follower lists through any official API: empty, no request. */
    @Override
    public FollowerSample followers(ResolvedProfile profile, int max) {
        return new FollowerSample(List.of(), 0);
    }

    /**
     * Hashtag search when {@code platforms.instagram.hashtagSearch} is on (needs Instagram Public Content Access),
     * else nothing and no request.
     */
    @Override
    public TagDiscovery discoverByHashtag(String hashtag, int pages) throws PlatformException, InterruptedException {
        return settings.hashtagSearch() ? hashtags.authorsSeenUnder(hashtag, pages) : TagDiscovery.none();
    }

    static List<Sighting> mentionSightings(List<Post> posts) {
        List<Sighting> out = new ArrayList<>();
        for (Post p : posts) {
            for (String handle : p.mentions()) {
                out.add(new Sighting(new ProfileRef(Platform.INSTAGRAM, handle), "mention", p));
            }
        }
        return out;
    }

    /** The {@code business_discovery} object, or MALFORMED naming the URL. */
    private JsonNode businessDiscovery(JsonNode body, URI url, String subject) throws PlatformException {
        Optional<JsonNode> bd = Json.object(body, "business_discovery");
        if (bd.isEmpty()) {
            throw new PlatformException(Platform.INSTAGRAM, subject, GraphCalls.redact(url),
                    PlatformException.Kind.MALFORMED, "the answer has no business_discovery object");
        }
        return bd.get();
    }

    /** {@code GET /{version}/{ig-user-id}?fields=business_discovery.username(H){fields}}. */
    private URI discovery(String username, String inner) {
        String fields = "business_discovery.username(" + username + "){" + inner + "}";
        return URI.create(settings.root() + "/" + settings.igUserId() + "?fields=" + enc(fields));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
