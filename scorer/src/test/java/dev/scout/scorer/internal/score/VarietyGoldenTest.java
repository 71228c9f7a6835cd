package dev.scout.scorer.internal.score;

import dev.scout.scorer.TestNiches;
import dev.scout.model.Account;
import dev.scout.model.HistoryPoint;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.GoldenFile;
import dev.scout.scorer.PriceRange;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.StandardScorer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;


/**
 * Pins the once-per-profile part of the scorer's output on what {@code ScoringGoldenTest}'s Mastodon profiles do
 * not reach: every platform (videos with and without view counts), hidden, zero and huge counts, follower samples,
 * follower history with and without spikes, ineligible labels, obfuscated emails, unordered feeds and non-default
 * settings. Each case is the SHA-256 of the result's {@code toString()}, reasons and metric definitions; the file was
 * written from the scorer before the round-5 performance work, so it proves that work changed no output.
 *
 * <p>A deliberate behaviour change regenerates the file: run this test with {@code -Dgolden.write=true} from the
 * {@code scorer} directory and commit the new file together with the change that explains it.
 */
class VarietyGoldenTest {

    private static final String RESOURCE = "golden/variety-golden.txt";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00.250Z");
    private static final String[] BIOS = {"", "   ", "Vegan cook. Business: hello@cook.example",
            "collabs: me [at] kitchen [dot] com", "pr (at) studio (dot) io, or mail personal@home.example",
            "@friend@masto.example is my other account", "Zutaten 🌱 contact → ANNA.B@Küche.example.", "a.@b.co",
            "inquiries: x_y+z@sub.domain.example; fan mail: fans@domain.example", "=cmd|' /C calc'!A0 \u202Eevil",
            "work with me: team@brand.example", "plant based cooking, no email here", "PR: pr@agency.example"};
    private static final String[] CAPTIONS = {"Crispy tofu bowls #vegan", "Lentil soup for cold days 🍲",
            "Paid partnership with @oatly@brands.example #ad", "Use code GREEN15 for 15% off https://amzn.to/3x",
            "GIVEAWAY! win a pan, tag a friend", "Thanks to @spiceco@shop.example #gifted", "Morning run",
            "Shot on Portra 400", "#Gewinnspiel meal prep", "<b>bold</b> \u202Ecipe\u202C tempeh", ""};
    private static final String[] LABELS = {"Locked", "noindex", "bot-ish", "moved", "opted-out", "verified"};

    @Test
    void onceperProfileOutputIsUnchangedAcrossPlatformsSamplesHistoryAndSettings() throws IOException {
        GoldenFile.assertMatches(cases(), RESOURCE);
    }

    private static Map<String, String> cases() {
        List<StandardScorer> scorers = List.of(StandardScorer.withDefaults(TestNiches.plantBasedCooking()), new StandardScorer(
                ScoringSettings.builder().followersMin(500).followersMax(2_000_000).postsWindow(25)
                        .minNicheShare(0.125).maxSponsoredShare(0.333).maxBrands(5).minAudienceRealPct(62.5)
                        .suspiciousProbability(0.7).minEngagementGrade("high")
                        .price("micro", PriceRange.of(30, 90)).price("youtube.mega", PriceRange.of(9_000, 99_000))
                        .niche(TestNiches.plantBasedCooking()).build()), new StandardScorer(ScoringSettings.builder()
                .niche(TestNiches.plantBasedCooking()).followersMin(0).followersMax(0)
                .postsWindow(1).minNicheShare(0).maxSponsoredShare(1).maxBrands(0).minAudienceRealPct(100)
                .suspiciousProbability(0.05).minEngagementGrade("average").build()));
        Map<String, String> cases = new LinkedHashMap<>();
        for (long seed = 0; seed < 600; seed++) {
            ScoredProfile p = scorers.get((int) (seed % 7 == 3 ? 1 : seed % 11 == 5 ? 2 : 0)).score(profile(seed));
            cases.put("variety-" + seed, p + "|" + p.reasons() + "|" + p.metricDefinitions());
        }
        return cases;
    }

    /**
     * The platforms the golden cases were written with, listed rather than {@code Platform.values()}: a platform
     * added later must not reshuffle every case's random draws (it gets cases of its own instead).
     */
    private static final Platform[] GOLDEN_PLATFORMS = {Platform.MASTODON, Platform.BLUESKY, Platform.YOUTUBE,
            Platform.WEB};

    private static ProfileSnapshot profile(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 7919 + 17);
        Platform platform = GOLDEN_PLATFORMS[r.nextInt(GOLDEN_PLATFORMS.length)];
        String user = r.nextInt(3) == 0 ? "user" + r.nextInt(100_000) : "cook";
        Account.Builder a = Account.builder(new ProfileRef(platform, user + "@v.example"))
                .handle((r.nextBoolean() ? "@" : "") + user + (r.nextBoolean() ? "@v.example" : ""))
                .bio(BIOS[r.nextInt(BIOS.length)]).hasAvatar(r.nextInt(5) > 0).bot(r.nextInt(40) == 0);
        long followers = switch (r.nextInt(12)) {
            case 0 -> -1;
            case 1 -> 0;
            case 2 -> new long[]{999, 1_000, 5_000, 9_999, 10_000, 50_000, 100_000, 100_001, 500_000}[r.nextInt(9)];
            default -> (long) Math.exp(r.nextDouble(Math.log(5), Math.log(5_000_000)));
        };
        if (followers >= 0) {
            a.followers(followers);
        }
        if (r.nextInt(6) > 0) {
            a.following(r.nextInt(8) == 0 ? Math.max(1, followers) * 60 : r.nextLong(0, 6_000));
        }
        if (r.nextInt(6) > 0) {
            a.postsCount(r.nextLong(0, 3_000));
        }
        if (r.nextInt(8) > 0) {
            a.createdAt(NOW.minusMillis(r.nextLong(-86_400_000L, 4_000 * 86_400_000L)));
        }
        if (r.nextInt(5) == 0) {
            a.labels(List.of(LABELS[r.nextInt(LABELS.length)], LABELS[r.nextInt(LABELS.length)]));
        }
        if (r.nextInt(4) == 0) {
            a.website("https://www." + user + ".example/shop");
        }
        List<Post> posts = new ArrayList<>();
        int n = r.nextInt(8) == 0 ? r.nextInt(0, 3) : r.nextInt(0, 55);
        long base = Math.max(followers, 10);
        for (int i = 0; i < n; i++) {
            long hours = r.nextInt(10) == 0 ? r.nextLong(0, 2_000) : i * (r.nextInt(4) == 0 ? 1L : 20L);
            long likes = r.nextInt(15) == 0 ? 0 : (long) (base * r.nextDouble(0, r.nextInt(6) == 0 ? 0.5 : 0.06));
            Post.Builder p = Post.builder("p" + i, NOW.minus(Duration.ofMinutes(hours * 60 + r.nextInt(3))))
                    .url("https://v.example/" + seed + "/" + i).text(CAPTIONS[r.nextInt(CAPTIONS.length)])
                    .likes(likes).replies(r.nextInt(5) == 0 ? likes : r.nextInt(6) == 0 ? 0 : likes / (1 + r.nextInt(30)))
                    .shares(likes / (1 + r.nextInt(9))).pinned(r.nextInt(20) == 0).reply(r.nextInt(10) == 0)
                    .repost(r.nextInt(10) == 0);
            if (platform.isVideo() && r.nextInt(5) > 0) {
                p.views(r.nextInt(10) == 0 ? 0 : r.nextInt(10) == 0 ? likes : likes * (2 + r.nextInt(200)));
            }
            if (r.nextInt(6) == 0) {
                p.hashtags(List.of("giveaway", "Vegan"));
            }
            posts.add(p.build());
        }
        ProfileSnapshot s = new ProfileSnapshot(a.build(), posts, NOW);
        if (r.nextInt(3) == 0) {
            List<Account> sample = new ArrayList<>();
            int size = r.nextInt(0, 30);
            for (int f = 0; f < size; f++) {
                Account.Builder fan = Account.builder(new ProfileRef(platform, "fan" + f + "@v.example"))
                        .handle(r.nextBoolean() ? "fan" + r.nextInt(1_000_000) : "@fan@v.example")
                        .bio(r.nextBoolean() ? "hi" : "").hasAvatar(r.nextInt(3) > 0).bot(r.nextInt(30) == 0);
                if (r.nextInt(4) > 0) {
                    fan.followers(r.nextLong(0, 3_000)).following(r.nextLong(0, 9_000));
                }
                if (r.nextInt(4) > 0) {
                    fan.postsCount(r.nextLong(0, 900));
                }
                if (r.nextInt(4) > 0) {
                    fan.createdAt(NOW.minusSeconds(r.nextLong(-3_600, 2_000 * 86_400L)).plusNanos(r.nextInt(1_000)));
                }
                sample.add(fan.build());
            }
            s = s.withFollowerSample(sample);
        }
        if (r.nextInt(3) == 0) {
            List<HistoryPoint> history = new ArrayList<>();
            int points = r.nextInt(1, 6);
            long f = Math.max(followers, 0);
            for (int k = 1; k <= points; k++) {
                f = r.nextInt(4) == 0 ? f / (2 + r.nextInt(5)) : f - r.nextLong(0, 50 + f / 20);
                history.add(new HistoryPoint(NOW.minus(Duration.ofHours(k * r.nextLong(1, 24 * 60))), Math.max(f, 0),
                        OptionalDouble.empty()));
            }
            if (r.nextBoolean()) {
                Collections.reverse(history); // oldest first, as documented; the other half arrives unordered
            }
            s = s.withHistory(history);
        }
        return s;
    }
}
