package dev.scout.crawler.platform.instagram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.crawler.platform.PlatformException;
import dev.scout.crawler.platform.RequestCounter;
import dev.scout.crawler.platform.Sighting;
import dev.scout.crawler.platform.TagDiscovery;
import dev.scout.crawler.platform.meta.GraphCalls;
import dev.scout.model.Post;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Discovery through Instagram hashtag search: {@code GET /ig_hashtag_search?user_id=…&q=TAG} gives the hashtag's id,
 * then {@code /{hashtag-id}/top_media} (one page) and {@code /{hashtag-id}/recent_media} (up to the page budget)
 * list public media carrying it. Needs the Instagram Public Content Access feature on the app (reference §1.1); the
 * request shapes follow Meta's hashtag-search guide, which the reference Scout used does not quote, so the field
 * lists here are [UNVERIFIED]. Hashtag media do not name their author, so the accounts found are those
 * {@code @}mentioned in the captions. Meta also limits a user to a number of distinct hashtags per week
 * (30 per 7 days in Meta's guide, [UNVERIFIED] here). Thread-safe.
 */
final class HashtagSearch {
    private static final String FIELDS = "id,caption,comments_count,like_count,media_type,permalink,timestamp";
    private static final int PAGE = 50;

    private final GraphCalls calls;
    private final InstagramSettings settings;

    HashtagSearch(GraphCalls calls, InstagramSettings settings) {
        this.calls = calls;
        this.settings = settings;
    }

    TagDiscovery authorsSeenUnder(String hashtag, int pages) throws PlatformException, InterruptedException {
        String tag = hashtag.replaceFirst("^#", "").toLowerCase(Locale.ROOT);
        String subject = "instagram #" + tag;
        RequestCounter counter = new RequestCounter();
        if (pages <= 0 || tag.isBlank()) {
            return TagDiscovery.none();
        }
        URI search = URI.create(settings.root() + "/ig_hashtag_search?user_id=" + settings.igUserId() + "&q="
                + InstagramClient.enc(tag));
        Optional<String> id = Json.array(calls.get(search, subject, counter), "data").stream().findFirst()
                .flatMap(n -> Json.nonBlank(n, "id"));
        if (id.isEmpty()) {
            return new TagDiscovery(List.of(), counter.count());
        }
        List<Post> posts = new ArrayList<>(page(id.get(), "top_media", Optional.empty(), subject, counter).posts());
        Optional<String> after = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pages; i++) {
            Page p = page(id.get(), "recent_media", after, subject, counter);
            posts.addAll(p.posts());
            after = p.after();
            if (after.isEmpty() || !seen.add(after.get())) {
                break;
            }
        }
        return new TagDiscovery(InstagramClient.mentionSightings(posts), counter.count());
    }

    private record Page(List<Post> posts, Optional<String> after) {
    }

    private Page page(String hashtagId, String edge, Optional<String> after, String subject, RequestCounter counter)
            throws PlatformException, InterruptedException {
        URI url = URI.create(settings.root() + "/" + InstagramClient.enc(hashtagId) + "/" + edge + "?user_id="
                + settings.igUserId() + "&fields=" + InstagramClient.enc(FIELDS) + "&limit=" + PAGE
                + after.map(a -> "&after=" + InstagramClient.enc(a)).orElse(""));
        JsonNode body = calls.get(url, subject, counter);
        Optional<String> next = Json.object(body, "paging").flatMap(p -> Json.object(p, "cursors"))
                .flatMap(c -> Json.nonBlank(c, "after"));
        return new Page(InstagramMedia.posts(body), next);
    }
}
