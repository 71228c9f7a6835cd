package dev.scout.bench;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.StandardScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Scorer throughput on one thread: profiles scored per second, each with 40 posts of realistic, partly hostile
 * captions (hashtags, mentions, affiliate links, codes, HTML leftovers, RTL marks, emoji) and a 20-account follower
 * sample on every fourth profile. Target: at least 20,000 profiles/s on one core.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ScorerBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ScorerBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String[] CAPTIONS = {
            "Crispy tofu bowls with peanut sauce, ready in 25 minutes. Full recipe on the blog! #vegan #PlantBasedRecipes",
            "Red lentil dal for cold evenings 🍲 with coconut milk and lots of ginger #veganfood #meatfree",
            "Sunday meal prep: chickpeas three ways, roasted, curried and smashed on toast. Which one first?",
            "Paid partnership with @oatly@brands.example: oat milk porridge with berries #ad",
            "Use code GREEN15 for 15% off my favourite protein https://amzn.to/3xYzAbC",
            "Morning walk by the river, then a big pot of soup. Nothing else planned today.",
            "Thanks to @spiceco@shop.example for the goodies! Chana masala tonight #gifted",
            "=HYPERLINK(\"http://evil.example\") \u202Ecipe\u202C <b>bold</b> tempeh tacos ✨✨",
            "Dairy-free cheesecake with cashews and nutritional yeast... trust me on this one",
            "Answering your questions about protein on a plant-based diet: thread below 🧵",
    };

    private StandardScorer scorer;
    private List<ProfileSnapshot> profiles;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        scorer = StandardScorer.withDefaults(BenchNiche.PLANT_BASED_COOKING);
        SplittableRandom r = new SplittableRandom(42);
        profiles = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            profiles.add(profile(i, r));
        }
    }

    /** The benchmark's profile number {@code i}, drawn from {@code r} (shared with {@link CpuPerProfile}). */
    static ProfileSnapshot profile(int i, SplittableRandom r) {
        long followers = (long) Math.exp(r.nextDouble(Math.log(800), Math.log(150_000)));
        Account account = Account.builder(ProfileRef.mastodon("cook" + i, "bench.example"))
                .handle("cook" + i + "@bench.example").displayName("Cook " + i)
                .bio("Plant-based recipes from a small kitchen 🌱 Business: cook" + i + "@mail.example")
                .followers(followers).following(r.nextLong(50, 2_000)).postsCount(r.nextLong(40, 5_000))
                .createdAt(NOW.minus(Duration.ofDays(r.nextLong(100, 3_000)))).build();
        List<Post> posts = new ArrayList<>(40);
        for (int p = 0; p < 40; p++) {
            long likes = (long) (followers * r.nextDouble(0.002, 0.06));
            posts.add(Post.builder(i + "-" + p, NOW.minus(Duration.ofHours(7L * p + 1)))
                    .url("https://bench.example/@cook" + i + "/" + p)
                    .text(CAPTIONS[r.nextInt(CAPTIONS.length)])
                    .hashtags(List.of("vegan"))
                    .likes(likes).replies(likes / 12).shares(likes / 8)
                    .build());
        }
        ProfileSnapshot s = new ProfileSnapshot(account, posts, NOW);
        if (i % 4 == 0) {
            List<Account> sample = new ArrayList<>();
            for (int f = 0; f < 20; f++) {
                sample.add(Account.builder(ProfileRef.mastodon("fan" + f, "bench.example"))
                        .followers(r.nextLong(0, 500)).following(r.nextLong(0, 2_000)).postsCount(r.nextLong(0, 900))
                        .bio(r.nextBoolean() ? "hi" : "").createdAt(NOW.minus(Duration.ofDays(r.nextLong(1, 2_000))))
                        .build());
            }
            s = s.withFollowerSample(sample);
        }
        return s;
    }

    @Benchmark
    public ScoredProfile scoreOneProfile() {
        ProfileSnapshot s = profiles.get(next);
        next = (next + 1) % profiles.size();
        return scorer.score(s);
    }
}
