package dev.scout.scorer;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.scout.scorer.Profiles.NOW;

/** Seeded random profiles for the property tests: same seed, same profile. */
final class RandomProfiles {

    private static final String[] CAPTIONS = {
            "Crispy tofu bowls #vegan", "Lentil soup for cold days", "Chickpea salad, meal prep done",
            "Morning run by the lake", "Repotting my monstera", "New espresso grinder!", "Shot on Portra 400",
            "Budget update for November", "Sunset walk 🌅", "<b>bold</b> =HYPERLINK(\"x\") \u202Etxet\u202C",
            "Oat milk latte and a book", "#PlantBasedRecipes seitan stew", "Tempeh tacos with @friend",
            "Use code GREEN10 for 10% off", "Thanks to @brandco for the goodies", "#gifted pan from @panco",
            "Dairy-free cheesecake, recipe below", "Game jam weekend #gamedev", "Skincare shelf tour",
    };

    private RandomProfiles() {
    }

    static ProfileSnapshot profile(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long followers = (long) Math.exp(r.nextDouble(Math.log(300), Math.log(300_000)));
        Account account = Account.builder(ProfileRef.mastodon("user" + seed, "random.example"))
                .handle("user" + seed + "@random.example")
                .bio(r.nextBoolean() ? "Vegan cook, contact: me@random.example" : "")
                .followers(followers)
                .following(r.nextLong(0, 3_000))
                .postsCount(r.nextLong(0, 5_000))
                .createdAt(NOW.minus(Duration.ofDays(r.nextLong(1, 4_000))))
                .hasAvatar(r.nextInt(10) > 0)
                .build();
        int n = r.nextInt(0, 41);
        List<Post> posts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long base = (long) (followers * r.nextDouble(0, 0.08));
            posts.add(Post.builder("p" + i, NOW.minus(Duration.ofHours(6L * i + r.nextInt(6))))
                    .text(CAPTIONS[r.nextInt(CAPTIONS.length)])
                    .likes(base)
                    .replies(base / (1 + r.nextInt(20)))
                    .shares(base / (1 + r.nextInt(10)))
                    .pinned(i == 0 && r.nextInt(5) == 0)
                    .repost(r.nextInt(15) == 0)
                    .build());
        }
        return new ProfileSnapshot(account, posts, NOW);
    }

    /** The same profile with every post's likes, replies and shares multiplied by {@code factor}. */
    static ProfileSnapshot scaleEngagement(ProfileSnapshot s, double factor) {
        List<Post> posts = s.posts().stream().map(p -> copy(p, p.text(), (long) (p.likes() * factor),
                (long) (p.replies() * factor), (long) (p.shares() * factor))).toList();
        return new ProfileSnapshot(s.account(), posts, s.followerSample(), s.history(), s.crawledAt());
    }

    /** The same profile with the first {@code k} posts turned into disclosed ads. */
    static ProfileSnapshot sponsorFirst(ProfileSnapshot s, int k) {
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < s.posts().size(); i++) {
            Post p = s.posts().get(i);
            posts.add(i < k ? copy(p, p.text() + " #ad", p.likes(), p.replies(), p.shares()) : p);
        }
        return new ProfileSnapshot(s.account(), posts, s.followerSample(), s.history(), s.crawledAt());
    }

    private static Post copy(Post p, String text, long likes, long replies, long shares) {
        return new Post(p.id(), p.url(), p.createdAt(), text, p.hashtags(), p.mentions(), p.links(), likes, replies,
                shares, p.views(), p.repost(), p.reply(), p.pinned(), p.platformLabels());
    }
}
