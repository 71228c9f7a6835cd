package dev.scout.crawler.platform.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scout.crawler.platform.Json;
import dev.scout.model.Post;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Maps Bluesky {@code postView}s (reference §2.4) to {@link Post}. Stateless. */
final class BlueskyPosts {
    private static final String REPOST = "app.bsky.feed.defs#reasonRepost";
    private static final String PIN = "app.bsky.feed.defs#reasonPin";

    private BlueskyPosts() {
    }

    /** True when a feed item is someone else's post reposted by the feed owner. */
    static boolean isRepost(JsonNode item, String ownerDid) {
        String reason = Json.object(item, "reason").map(r -> Json.textOr(r, "$type", "")).orElse("");
        String author = Json.object(item, "post").flatMap(p -> Json.object(p, "author"))
                .map(a -> Json.textOr(a, "did", "")).orElse("");
        return REPOST.equals(reason) || (!author.isEmpty() && !author.equals(ownerDid));
    }

    static boolean isPinned(JsonNode item) {
        return Json.object(item, "reason").map(r -> PIN.equals(Json.textOr(r, "$type", ""))).orElse(false);
    }

    /** The post of a feed item or a bare postView; empty when {@code uri} or both timestamps are missing. */
    static Optional<Post> toPost(JsonNode postView, boolean pinned) {
        Optional<String> uri = Json.nonBlank(postView, "uri");
        JsonNode record = postView.get("record");
        Optional<Instant> created = Json.instant(record, "createdAt").or(() -> Json.instant(postView, "indexedAt"));
        if (uri.isEmpty() || created.isEmpty()) {
            return Optional.empty();
        }
        String text = Json.textOr(record, "text", "");
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        LinkedHashSet<String> mentions = new LinkedHashSet<>();
        LinkedHashSet<String> links = new LinkedHashSet<>();
        for (Facets.Feature f : Facets.features(text, Json.array(record, "facets"))) {
            switch (f.type()) {
                case Facets.TAG -> tags.add(stripHash(f.value()));
                case Facets.MENTION -> mentions.add(f.value());
                case Facets.LINK -> links.add(f.value());
                default -> { }
            }
        }
        for (JsonNode t : Json.array(record, "tags")) {
            if (t.isTextual() && !t.asText().isBlank()) {
                tags.add(stripHash(t.asText()));
            }
        }
        externalUri(postView.get("embed")).ifPresent(links::add);
        externalUri(record == null ? null : record.get("embed")).ifPresent(links::add);

        return Optional.of(Post.builder(uri.get(), created.get())
                .url(webUrl(uri.get(), postView))
                .text(text)
                .hashtags(List.copyOf(tags))
                .mentions(List.copyOf(mentions))
                .links(List.copyOf(links))
                .likes(Json.countOr0(postView, "likeCount"))
                .replies(Json.countOr0(postView, "replyCount"))
                .shares(Json.countOr0(postView, "repostCount") + Json.countOr0(postView, "quoteCount"))
                .reply(Json.object(record, "reply").isPresent())
                .pinned(pinned)
                .build());
    }

    /** {@code embed.external.uri}, also inside {@code recordWithMedia}'s media. */
    private static Optional<String> externalUri(JsonNode embed) {
        if (embed == null || !embed.isObject()) {
            return Optional.empty();
        }
        Optional<String> direct = Json.object(embed, "external").flatMap(e -> Json.nonBlank(e, "uri"));
        return direct.or(() -> Json.object(embed, "media").flatMap(BlueskyPosts::externalUri));
    }

    /** {@code at://did/app.bsky.feed.post/rkey} → {@code https://bsky.app/profile/<handle or did>/post/rkey}. */
    private static String webUrl(String atUri, JsonNode postView) {
        String[] parts = atUri.replaceFirst("^at://", "").split("/");
        if (parts.length != 3) {
            return "";
        }
        String who = Json.object(postView, "author").flatMap(a -> Json.nonBlank(a, "handle"))
                .filter(h -> !h.equals("handle.invalid")).orElse(parts[0]);
        return "https://bsky.app/profile/" + who + "/post/" + parts[2];
    }

    private static String stripHash(String tag) {
        String t = tag.strip();
        return (t.startsWith("#") ? t.substring(1) : t).toLowerCase(Locale.ROOT);
    }
}
