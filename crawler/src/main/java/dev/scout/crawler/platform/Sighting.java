package dev.scout.crawler.platform;

import dev.scout.model.Post;
import dev.scout.model.ProfileRef;

import java.util.Objects;

/**
 * An account seen in someone's posts: mentioned, or the original author of a reposted/boosted post.
 *
 * @param ref  the account seen
 * @param via  how, for reports ({@code mention}, {@code repost}, {@code boost})
 * @param post the post it was seen in (the original post for reposts), used to decide whether it is a niche post
 */
public record Sighting(ProfileRef ref, String via, Post post) {
    public Sighting {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(post, "post");
    }
}
