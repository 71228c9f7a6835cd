package dev.scout.demo.bench;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.StandardScorer;
import dev.scout.store.Review;
import dev.scout.store.ReviewStatus;
import dev.scout.store.RunInfo;
import dev.scout.store.SqliteStore;
import dev.scout.store.StoreOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a store that looks like a finished run over {@code profiles} accounts, without a network: for each
 * generated account a snapshot with a few posts (through {@link SqliteStore#snapshots()}), the real scorer's
 * verdict on it in one completed run ({@link SqliteStore#saveScores}), and a review for about one in fifty.
 * Accounts are spread over four platforms, follower counts from 300 to 300,000 (log-uniform), engagement from dead
 * to pod-like, a share of sponsored captions and of thin, avatar-less accounts, so every filter of {@code scout serve}
 * has rows on both sides. Deterministic for a seed (the clock is fixed). Not thread-safe; one store per call.
 */
public final class CandidateStoreGenerator {

    /** The niche of the generated run (a shipped niche's id). */
    public static final String NICHE = "plant-based-cooking";
    /** The same niche's name, as the verdicts and the review app's niche filter carry it. */
    public static final String NICHE_NAME = "plant-based cooking";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final int POSTS = 8;
    private static final int CHUNK = 512;
    private static final List<Platform> PLATFORMS = List.of(Platform.MASTODON, Platform.BLUESKY, Platform.INSTAGRAM,
            Platform.WEB);
    private static final String[] CAPTIONS = {
            "Crispy tofu bowls with peanut sauce, ready in 25 minutes #vegan #plantbased",
            "Red lentil dal for cold evenings with coconut milk and ginger #veganfood",
            "Sunday meal prep: chickpeas three ways, roasted, curried and smashed on toast",
            "Paid partnership with @oatbrand: oat milk porridge with berries #ad",
            "Use code GREEN15 for 15% off my favourite protein powder #sponsored",
            "Morning run by the river, then a big pot of soup. Nothing else planned today.",
            "Dairy-free cheesecake with cashews and nutritional yeast, trust me on this one #vegan",
            "New camera bag arrived, packing for the weekend trip",
            "Tempeh tacos with lime slaw and a smoky chipotle crema #meatfree",
            "Thanks @spiceco for the goodies! Chana masala tonight #gifted",
    };

    /** What was written. */
    public record Result(long runId, int profiles, int reviews, long flagged, Duration took) {
    }

    private final int profiles;
    private final long seed;

    public CandidateStoreGenerator(int profiles, long seed) {
        if (profiles < 1) {
            throw new IllegalArgumentException("profiles must be at least 1, got " + profiles);
        }
        this.profiles = profiles;
        this.seed = seed;
    }

    /** Writes a new store at {@code file}, which must not exist yet. */
    public Result write(Path file) {
        if (Files.exists(file)) {
            throw new BenchException("the generated store " + file + " already exists; give a new file name", null);
        }
        long start = System.nanoTime();
        StandardScorer scorer = new StandardScorer(ScoringSettings.defaults(new NicheSpec(NICHE, List.of(), List.of())));
        SplittableRandom random = new SplittableRandom(seed);
        long flagged = 0;
        int reviews = 0;
        try (SqliteStore store = SqliteStore.open(file, StoreOptions.builder().fullSync(false).build())) {
            long runId = store.startRun("generated-" + seed, "bench");
            for (int from = 0; from < profiles; from += CHUNK) {
                List<ScoredProfile> verdicts = new ArrayList<>(CHUNK);
                for (int i = from; i < Math.min(profiles, from + CHUNK); i++) {
                    ProfileSnapshot s = snapshot(i, random);
                    store.snapshots().accept(s);
                    ScoredProfile verdict = scorer.score(s);
                    verdicts.add(verdict);
                    flagged += verdict.flagged() ? 1 : 0;
                }
                store.saveScores(runId, verdicts.iterator());
                for (ScoredProfile v : verdicts) {
                    if (random.nextInt(50) == 0) {
                        store.saveReview(review(v, random));
                        reviews++;
                    }
                }
            }
            store.finishRun(runId, RunInfo.RunStatus.COMPLETED, "generated by the serve benchmark",
                    Map.of("scored", (long) profiles, "flagged", flagged));
            return new Result(runId, profiles, reviews, flagged, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Account number {@code i}; its platform cycles, everything else is drawn from {@code r}. */
    static ProfileSnapshot snapshot(int i, SplittableRandom r) {
        Platform platform = PLATFORMS.get(i % PLATFORMS.size());
        String name = "cook" + i;
        ProfileRef ref = switch (platform) {
            case MASTODON -> ProfileRef.mastodon(name, "kitchen" + (i % 7) + ".example");
            case BLUESKY -> new ProfileRef(Platform.BLUESKY, name + ".bsky.example");
            case WEB -> new ProfileRef(Platform.WEB, "https://" + name + ".site.example/");
            default -> new ProfileRef(platform, name);
        };
        long followers = (long) Math.exp(r.nextDouble(Math.log(300), Math.log(300_000)));
        boolean thin = r.nextInt(12) == 0;
        double rate = switch (r.nextInt(6)) {
            case 0 -> r.nextDouble(0.0005, 0.005);
            case 1, 2 -> r.nextDouble(0.005, 0.03);
            case 3, 4 -> r.nextDouble(0.02, 0.08);
            default -> r.nextDouble(0.08, 0.25);
        };
        Account account = Account.builder(ref)
                .handle(platform == Platform.MASTODON ? ref.value() : name)
                .displayName(i % 97 == 0 ? "Cook <b>" + i + "</b> 🌱" : "Cook " + i)
                .bio(thin ? "" : "Plant-based recipes from a small kitchen. Business: " + name + "@mail.example")
                .profileUrl("https://" + (platform == Platform.WEB ? name + ".site.example" : platform.key() + ".example/" + name))
                .followers(followers).following(thin ? r.nextLong(2_000, 7_500) : r.nextLong(50, 2_000))
                .postsCount(thin ? r.nextLong(0, 20) : r.nextLong(40, 5_000)).hasAvatar(!thin)
                .createdAt(NOW.minus(Duration.ofDays(thin ? r.nextLong(5, 60) : r.nextLong(100, 3_000)))).build();
        int sponsoredEvery = 2 + r.nextInt(12);
        List<Post> posts = new ArrayList<>(POSTS);
        for (int p = 0; p < POSTS; p++) {
            long likes = Math.max(0, Math.round(followers * rate * r.nextDouble(0.5, 1.5)));
            String caption = p % sponsoredEvery == 0 ? CAPTIONS[3 + (p & 1)] : CAPTIONS[r.nextInt(CAPTIONS.length)];
            posts.add(Post.builder(i + "-" + p, NOW.minus(Duration.ofHours(30L * p + 2)))
                    .url("https://" + platform.key() + ".example/" + name + "/" + p)
                    .text(caption).likes(likes).replies(likes / 15).shares(likes / 9).build());
        }
        return new ProfileSnapshot(account, posts, NOW);
    }

    private static Review review(ScoredProfile v, SplittableRandom r) {
        ReviewStatus status = ReviewStatus.values()[r.nextInt(ReviewStatus.values().length)];
        return new Review(v.account().ref(), status, "generated review " + r.nextInt(1_000), "bench",
                NOW.plus(Duration.ofMinutes(r.nextInt(10_000))));
    }
}
