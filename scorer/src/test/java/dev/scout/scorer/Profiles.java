package dev.scout.scorer;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Test fixtures: accounts and posts with sensible defaults that each test overrides. */
final class Profiles {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private Profiles() {
    }

    static Account.Builder account(String user, long followers) {
        return Account.builder(ProfileRef.mastodon(user, "cooking.example"))
                .handle(user + "@cooking.example")
                .displayName(user)
                .bio("Plant-based recipes from a tiny kitchen. Business: hello@" + user + ".example")
                .followers(followers)
                .following(Math.min(400, followers))
                .postsCount(800)
                .createdAt(NOW.minus(Duration.ofDays(900)))
                .hasAvatar(true);
    }

    /** {@code n} posts, one a day, newest first; {@code text} gives the caption of post i. */
    static List<Post> posts(int n, long engagementsEach, IntFunction<String> text) {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            posts.add(Post.builder("p" + i, NOW.minus(Duration.ofDays(i + 1L)))
                    .url("https://cooking.example/@x/" + i)
                    .text(text.apply(i))
                    .likes(engagementsEach * 8 / 10)
                    .replies(engagementsEach / 10)
                    .shares(engagementsEach - engagementsEach * 8 / 10 - engagementsEach / 10)
                    .build());
        }
        return posts;
    }

    static ProfileSnapshot snapshot(Account account, List<Post> posts) {
        return new ProfileSnapshot(account, posts, NOW);
    }
}
