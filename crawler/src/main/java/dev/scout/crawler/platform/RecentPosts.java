package dev.scout.crawler.platform;

import dev.scout.model.Post;

import java.util.List;

/**
 * Recent original posts of a profile (newest first; reposts and boosts excluded) and the accounts seen in them.
 *
 * @param posts     original posts
 * @param sightings mentioned accounts and authors of reposted posts
 * @param requests  requests spent (YouTube: quota units)
 */
public record RecentPosts(List<Post> posts, List<Sighting> sightings, int requests) {
    public RecentPosts {
        posts = List.copyOf(posts);
        sightings = List.copyOf(sightings);
    }
}
