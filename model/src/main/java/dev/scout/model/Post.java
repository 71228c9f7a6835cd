package dev.scout.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One post, video or status of a profile, normalised across platforms.
 *
 * <p>Reposts/boosts are represented only when an input explicitly carries them ({@code repost = true}); the
 * scorer excludes them from engagement, and crawlers credit boosted posts to their original author instead.
 *
 * @param id        platform id of the post (opaque)
 * @param url       public URL of the post, may be empty
 * @param createdAt when it was posted
 * @param text      caption / content as plain text (HTML stripped), may be empty; hostile input
 * @param hashtags  hashtags without the leading {@code #}, as the platform gives them
 * @param mentions  mentioned accounts ({@code user@host}, handles or DIDs)
 * @param links     full link targets (from hrefs / link facets, never the truncated visible text)
 * @param likes     likes / favourites
 * @param replies   replies / comments
 * @param shares    reblogs / reposts (+ quotes where counted)
 * @param views     views where the platform counts them (video)
 * @param repost    this item is a repost of someone else's post
 * @param reply     this post replies to another account's post
 * @param pinned    pinned to the profile (kept, but noted: pinned posts skew recency)
 * @param platformLabels platform-native labels, e.g. {@code paid-promotion} when an API exposes a paid-placement flag
 */
public record Post(
        String id,
        String url,
        Instant createdAt,
        String text,
        List<String> hashtags,
        List<String> mentions,
        List<String> links,
        long likes,
        long replies,
        long shares,
        OptionalLong views,
        boolean repost,
        boolean reply,
        boolean pinned,
        List<String> platformLabels) {

    /** Platform label meaning the platform itself marks the post as paid promotion. */
    public static final String LABEL_PAID_PROMOTION = "paid-promotion";
    /**
     * Platform label meaning the platform withheld the like count (Instagram's hidden likes): {@code likes} is 0 and
     * means "unknown", so the post's engagement counts comments (and shares) only.
     */
    public static final String LABEL_LIKES_HIDDEN = "likes-hidden";

    public Post {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        url = url == null ? "" : url;
        text = text == null ? "" : text;
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        links = links == null ? List.of() : List.copyOf(links);
        views = views == null ? OptionalLong.empty() : views;
        platformLabels = platformLabels == null ? List.of() : List.copyOf(platformLabels);
        if (likes < 0 || replies < 0 || shares < 0) {
            throw new IllegalArgumentException("post " + id + ": counts must be >= 0");
        }
    }

    /** likes + replies + shares. */
    public long engagements() {
        return likes + replies + shares;
    }

    public static Builder builder(String id, Instant createdAt) {
        return new Builder(id, createdAt);
    }

    /** Mutable, single-use builder; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Instant createdAt;
        private String url = "";
        private String text = "";
        private List<String> hashtags = List.of();
        private List<String> mentions = List.of();
        private List<String> links = List.of();
        private long likes;
        private long replies;
        private long shares;
        private OptionalLong views = OptionalLong.empty();
        private boolean repost;
        private boolean reply;
        private boolean pinned;
        private List<String> platformLabels = List.of();

        private Builder(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }

        public Builder url(String v) { this.url = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder hashtags(List<String> v) { this.hashtags = v; return this; }
        public Builder mentions(List<String> v) { this.mentions = v; return this; }
        public Builder links(List<String> v) { this.links = v; return this; }
        public Builder likes(long v) { this.likes = v; return this; }
        public Builder replies(long v) { this.replies = v; return this; }
        public Builder shares(long v) { this.shares = v; return this; }
        public Builder views(long v) { this.views = OptionalLong.of(v); return this; }
        public Builder repost(boolean v) { this.repost = v; return this; }
        public Builder reply(boolean v) { this.reply = v; return this; }
        public Builder pinned(boolean v) { this.pinned = v; return this; }
        public Builder platformLabels(List<String> v) { this.platformLabels = v; return this; }

        public Post build() {
            return new Post(id, url, createdAt, text, hashtags, mentions, links, likes, replies, shares, views,
                    repost, reply, pinned, platformLabels);
        }
    }
}
