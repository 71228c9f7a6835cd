package dev.scout.crawler.platform.web;

import dev.scout.model.Post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one kind of page markup (JSON-LD, microdata, OpenGraph) says about the profile, before it becomes an
 * {@code Account}. Absent facts are empty, never zero.
 *
 * @param source        which markup it came from ({@code json-ld}, {@code microdata}, {@code opengraph})
 * @param approximate   counts were read from abbreviated text ({@code 12.5K}) and are lossy
 */
record PageProfile(
        String source,
        String name,
        Optional<String> handle,
        String description,
        Optional<String> image,
        Optional<String> website,
        Optional<String> url,
        OptionalLong followers,
        OptionalLong following,
        OptionalLong posts,
        Optional<Instant> createdAt,
        List<Post> recentPosts,
        boolean approximate) {

    PageProfile {
        recentPosts = List.copyOf(recentPosts);
    }
}
