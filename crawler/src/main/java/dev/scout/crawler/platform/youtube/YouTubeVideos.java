package dev.scout.crawler.platform.youtube;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps YouTube channel and video resources (reference §3.3, §3.5) to the shared model. Stateless. */
final class YouTubeVideos {
    static final String LABEL_HIDDEN_SUBSCRIBERS = "hidden-subscriber-count";
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#([\\p{L}\\p{N}_]{1,100})");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}\\p{N}_.])@([A-Za-z0-9._-]{3,30})");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private YouTubeVideos() {
    }

    static Optional<ProfileRef> channelRef(JsonNode channel) {
        return Json.nonBlank(channel, "id").map(id -> new ProfileRef(Platform.YOUTUBE, id));
    }

    /** The uploads playlist, or the documented derivation {@code UU + id without UC} when absent. */
    static String uploadsPlaylist(JsonNode channel) {
        return Json.object(channel, "contentDetails").flatMap(c -> Json.object(c, "relatedPlaylists"))
                .flatMap(p -> Json.nonBlank(p, "uploads"))
                .orElseGet(() -> "UU" + Json.textOr(channel, "id", "UC").substring(2));
    }

    static Account toAccount(JsonNode channel, ProfileRef ref) {
        JsonNode snippet = channel.get("snippet");
        JsonNode stats = channel.get("statistics");
        String handle = Json.nonBlank(snippet, "customUrl").orElse(ref.value());
        boolean hidden = Json.isTrue(stats, "hiddenSubscriberCount");
        Account.Builder b = Account.builder(ref)
                .handle(handle)
                .displayName(Json.textOr(snippet, "title", ""))
                .bio(Json.textOr(snippet, "description", ""))
                .profileUrl(handle.startsWith("@") ? "https://www.youtube.com/" + handle
                        : "https://www.youtube.com/channel/" + ref.value())
                .hasAvatar(Json.object(snippet, "thumbnails").isPresent())
                .labels(hidden ? List.of(LABEL_HIDDEN_SUBSCRIBERS) : List.of());
        if (!hidden) {
            // Rounded down to 3 significant figures by YouTube; a hidden count is unknown even when sent as "0".
            Json.count(stats, "subscriberCount").ifPresent(b::followers);
        }
        Json.count(stats, "videoCount").ifPresent(b::postsCount);
        Json.instant(snippet, "publishedAt").ifPresent(b::createdAt);
        return b.build();
    }

    static Optional<Post> toPost(JsonNode video) {
        Optional<String> id = Json.nonBlank(video, "id");
        JsonNode snippet = video.get("snippet");
        JsonNode stats = video.get("statistics");
        var published = Json.instant(snippet, "publishedAt");
        if (id.isEmpty() || published.isEmpty()) {
            return Optional.empty();
        }
        String title = Json.textOr(snippet, "title", "");
        String description = Json.textOr(snippet, "description", "");
        String text = description.isBlank() ? title : title + "\n\n" + description;
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (JsonNode t : Json.array(snippet, "tags")) {
            if (t.isTextual() && !t.asText().isBlank()) {
                tags.add(t.asText().strip().replace(" ", "").toLowerCase(Locale.ROOT));
            }
        }
        tags.addAll(all(HASHTAG, text).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
        List<String> labels = Json.object(video, "paidProductPlacementDetails")
                .filter(p -> Json.isTrue(p, "hasPaidProductPlacement"))
                .map(p -> List.of(Post.LABEL_PAID_PROMOTION)).orElse(List.of());
        Post.Builder b = Post.builder(id.get(), published.get())
                .url("https://www.youtube.com/watch?v=" + id.get())
                .text(text)
                .hashtags(List.copyOf(tags))
                .mentions(all(HANDLE, description).stream().map(h -> "@" + h.toLowerCase(Locale.ROOT)).distinct().toList())
                .links(allUrls(description))
                .likes(Json.countOr0(stats, "likeCount"))
                .replies(Json.countOr0(stats, "commentCount"))
                .platformLabels(labels);
        Json.count(stats, "viewCount").ifPresent(b::views);
        return Optional.of(b.build());
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> allUrls(String text) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll("[).,;:!?]+$", ""));
        }
        return List.copyOf(out);
    }
}
