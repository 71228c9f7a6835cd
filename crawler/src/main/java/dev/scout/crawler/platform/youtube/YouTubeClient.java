package dev.scout.crawler.platform.youtube;

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
import dev.scout.crawler.platform.RequestCounter;
import dev.scout.crawler.platform.ResolvedProfile;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * YouTube Data API v3 adapter with an API key (reference §3). A channel with 50 recent videos costs 3 quota units:
 * {@code channels.list} (shared by up to 50 channel ids), one {@code playlistItems.list} page of the uploads
 * playlist, one {@code videos.list} for 50 ids. Every call first takes its units from the {@link QuotaBudget}; when
 * the budget (or the API) says the quota is spent, calls fail with {@link PlatformException.Kind#QUOTA_EXHAUSTED}
 * and a retry time at the Pacific-midnight reset, so the engine parks the work for a later run. Engagement is
 * measured against views ({@link Post#views()}). Thread-safe.
 */
public final class YouTubeClient implements PlatformClient {
    public static final URI DEFAULT_BASE_URL = URI.create("https://www.googleapis.com/youtube/v3");
    private static final int MAX_IDS = 50;
    private static final Set<String> QUOTA_REASONS = Set.of("quotaExceeded", "dailyLimitExceeded");
    private static final Set<String> RATE_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

    private final PlatformHttp http;
    private final String base;
    private final String apiKey;
    private final QuotaBudget budget;

    /**
     * @param baseUrl {@link #DEFAULT_BASE_URL} in production ({@code platforms.youtube.baseUrl})
     * @param apiKey  {@code platforms.youtube.apiKey}; never shown in error messages
     */
    public YouTubeClient(Fetcher fetcher, URI baseUrl, String apiKey, QuotaBudget budget) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("platforms.youtube.apiKey is required to read YouTube (got an empty key)");
        }
        this.apiKey = apiKey;
        this.http = new PlatformHttp(fetcher, Platform.YOUTUBE, this::redact);
        String s = baseUrl.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    @Override
    public int lookupBatchSize() {
        return MAX_IDS;
    }

    @Override
    public String hostKey(ProfileRef ref) {
        return HostKey.of(URI.create(base));
    }

    public QuotaBudget budget() {
        return budget;
    }

    @Override
    public LookupBatch lookup(List<ProfileRef> refs) throws InterruptedException {
        RequestCounter units = new RequestCounter();
        Map<ProfileRef, ProfileLookup> results = new HashMap<>();
        List<ProfileRef> ids = refs.stream().filter(r -> r.value().startsWith("UC")).toList();
        if (!ids.isEmpty()) {
            String subject = ids.size() == 1 ? ids.get(0).id() : ids.size() + " YouTube channels";
            URI url = api("channels", "part=snippet,statistics,contentDetails&maxResults=" + MAX_IDS + "&id="
                    + String.join(",", ids.stream().map(ProfileRef::value).map(YouTubeClient::enc).toList()));
            try {
                Map<String, JsonNode> byId = new HashMap<>();
                for (JsonNode ch : items(call(url, subject, units), url, subject)) {
                    Json.nonBlank(ch, "id").ifPresent(id -> byId.put(id, ch));
                }
                for (ProfileRef r : ids) {
                    JsonNode ch = byId.get(r.value());
                    results.put(r, ch == null ? missing(r, url) : found(r, ch));
                }
            } catch (PlatformException e) {
                ids.forEach(r -> results.put(r, new ProfileLookup.Failed(r, e)));
            }
        }
        for (ProfileRef r : refs) {
            if (!results.containsKey(r)) {
                results.put(r, lookupHandle(r, units));
            }
        }
        return new LookupBatch(refs.stream().map(results::get).toList(), units.count());
    }

    private ProfileLookup lookupHandle(ProfileRef ref, RequestCounter units) throws InterruptedException {
        URI url = api("channels", "part=snippet,statistics,contentDetails&forHandle=" + enc(ref.value()));
        try {
            List<JsonNode> items = items(call(url, ref.id(), units), url, ref.id());
            return items.isEmpty() ? missing(ref, url) : found(ref, items.get(0));
        } catch (PlatformException e) {
            return new ProfileLookup.Failed(ref, e);
        }
    }

    private ProfileLookup found(ProfileRef asked, JsonNode channel) {
        ProfileRef canonical = YouTubeVideos.channelRef(channel).orElse(asked);
        return new ProfileLookup.Found(asked, new ResolvedProfile(YouTubeVideos.toAccount(channel, canonical),
                YouTubeVideos.uploadsPlaylist(channel), URI.create(base)));
    }

    private ProfileLookup missing(ProfileRef ref, URI url) {
        return new ProfileLookup.Missing(ref, "no such YouTube channel (the API answered without it: " + redact(url) + ")");
    }

    @Override
    public RecentPosts recentPosts(ResolvedProfile profile, int max) throws PlatformException, InterruptedException {
        String subject = profile.account().id();
        RequestCounter units = new RequestCounter();
        List<String> videoIds = new ArrayList<>();
        Optional<String> pageToken = Optional.empty();
        boolean more = max > 0;
        while (more && videoIds.size() < max) {
            URI url = api("playlistItems", "part=contentDetails&maxResults=" + Math.min(MAX_IDS, max)
                    + "&playlistId=" + enc(profile.nativeId()) + pageToken.map(t -> "&pageToken=" + enc(t)).orElse(""));
            JsonNode page;
            try {
                page = call(url, subject, units);
            } catch (PlatformException e) {
                if (e.kind() == PlatformException.Kind.NOT_FOUND && videoIds.isEmpty()) {
                    return new RecentPosts(List.of(), List.of(), units.count()); // a channel without uploads
                }
                throw e;
            }
            for (JsonNode item : items(page, url, subject)) {
                JsonNode details = item.get("contentDetails");
                // Deleted and private uploads carry no videoPublishedAt: nothing to read there.
                if (videoIds.size() < max && Json.text(details, "videoPublishedAt").isPresent()) {
                    Json.nonBlank(details, "videoId").ifPresent(videoIds::add);
                }
            }
            pageToken = Json.nonBlank(page, "nextPageToken");
            more = pageToken.isPresent();
        }
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < videoIds.size(); i += MAX_IDS) {
            List<String> chunk = videoIds.subList(i, Math.min(videoIds.size(), i + MAX_IDS));
            URI url = api("videos", "part=snippet,statistics,contentDetails&id="
                    + String.join(",", chunk.stream().map(YouTubeClient::enc).toList()));
            for (JsonNode v : items(call(url, subject, units), url, subject)) {
                YouTubeVideos.toPost(v).ifPresent(posts::add);
            }
        }
        posts.sort(Comparator.comparing(Post::createdAt).reversed());
        return new RecentPosts(posts, List.of(), units.count());
    }

    /** YouTube publishes no subscriber lists: always empty, no quota spent. */
    @Override
    public FollowerSample followers(ResolvedProfile profile, int max) {
        return new FollowerSample(List.of(), 0);
    }

    /** Not offered: {@code search.list} is the scarcest quota (100 calls a day); YouTube channels come from seeds. */
    @Override
    public TagDiscovery discoverByHashtag(String hashtag, int pages) {
        return TagDiscovery.none();
    }

    /** One list call: takes a unit first, and turns quota and rate-limit rejections into their typed kinds. */
    private JsonNode call(URI url, String subject, RequestCounter units) throws PlatformException, InterruptedException {
        if (!budget.tryTake(1)) {
            throw quotaSpent(url, subject, "daily quota budget spent (" + budget.used() + " units used; refills at "
                    + budget.resetsAt() + ")", OptionalInt.empty());
        }
        units.add();
        try {
            return http.getJson(url, subject).body();
        } catch (PlatformException e) {
            if (QUOTA_REASONS.contains(e.reasonCode())) {
                budget.markExhausted();
                throw quotaSpent(url, subject, "the API answered " + e.reasonCode(), e.status());
            }
            if (RATE_REASONS.contains(e.reasonCode())) {
                throw new PlatformException(Platform.YOUTUBE, subject, redact(url), PlatformException.Kind.UNAVAILABLE,
                        e.status(), "rate limited (" + e.reasonCode() + ")", Optional.empty(), e)
                        .withReasonCode(e.reasonCode());
            }
            throw e;
        }
    }

    private PlatformException quotaSpent(URI url, String subject, String detail, OptionalInt status) {
        return new PlatformException(Platform.YOUTUBE, subject, redact(url), PlatformException.Kind.QUOTA_EXHAUSTED,
                status, detail + "; the crawl resumes YouTube after the reset", Optional.of(budget.resetsAt()), null)
                .withReasonCode("quotaExceeded");
    }

    /** {@code items} as a list; a response without {@code items} means "none found" (documented behaviour). */
    private List<JsonNode> items(JsonNode body, URI url, String subject) throws PlatformException {
        if (!body.isObject()) {
            throw http.malformed(redact(url), subject, "answer is not a JSON object", null);
        }
        JsonNode items = body.get("items");
        if (items != null && !items.isNull() && !items.isArray()) {
            throw http.malformed(redact(url), subject, "'items' is not an array", null);
        }
        return Json.array(body, "items");
    }

    private URI api(String resource, String query) {
        return URI.create(base + "/" + resource + "?" + query + "&key=" + enc(apiKey));
    }

    private URI redact(URI url) {
        return URI.create(url.toString().replace("key=" + enc(apiKey), "key=REDACTED"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
