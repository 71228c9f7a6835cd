package dev.scout.scorer;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.scout.scorer.Profiles.NOW;
import static dev.scout.scorer.Profiles.account;
import static dev.scout.scorer.Profiles.posts;
import static dev.scout.scorer.Profiles.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

class StandardScorerTest {

    private final StandardScorer scorer = StandardScorer.withDefaults(TestNiches.plantBasedCooking());

    private static String vegan(int i) {
        return switch (i % 4) {
            case 0 -> "Crispy tofu bowls with peanut sauce #vegan #PlantBasedRecipes";
            case 1 -> "Red lentils dal, ready in 20 minutes. #veganfood";
            case 2 -> "Sunday meal prep: chickpeas three ways";
            default -> "A walk by the river this morning";
        };
    }

    @Test
    void flagsAnEngagingPlantBasedMicroInfluencer() {
        ScoredProfile r = scorer.score(snapshot(account("greenpan", 12_000).build(), posts(40, 300, StandardScorerTest::vegan)));

        assertThat(r.flagged()).as(r.reasons()).isTrue();
        assertThat(r.tier()).isEqualTo(new ScoredProfile.Tier("micro", "10k-50k"));
        assertThat(r.engagement().rate()).hasValueCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.engagement().grade()).isEqualTo("above-average");
        assertThat(r.reasons()).contains("engagement 2.50% is above the 10k-50k band's above-average cut 1.11% (grade above-average)");
        assertThat(r.niche().share()).isEqualTo(0.75);
        assertThat(r.niche().evidence()).anyMatch(e -> e.contains("#plantbasedrecipes"));
        assertThat(r.contactEmail()).contains("hello@greenpan.example");
        assertThat(r.score()).isBetween(50.0, 100.0);
        assertThat(r.scoreVersion()).isEqualTo(MetricDefinitions.SCORE_VERSION);
        assertThat(r.metricDefinitions()).containsKey("engagement_rate");
        assertThat(r.cost().estPriceUsd()).isPresent();
    }

    @Test
    void profileWithNoPostsIsStillClassifiedAndNamesWhatIsMissing() {
        ScoredProfile r = scorer.score(snapshot(account("quiet", 5_000).build(), List.of()));

        assertThat(r.flagged()).isFalse();
        assertThat(r.postsAnalyzed()).isZero();
        assertThat(r.authenticity().suspicious()).isFalse();
        assertThat(r.reasons()).contains("no posts: engagement unknown");
        assertThat(r.reasons()).contains("no posts: niche share for plant-based cooking unknown (bio 'plant-based')");
        assertThat(r.score()).isBetween(0.0, 100.0);
        assertThat(r.components()).filteredOn(c -> c.name().equals("authenticity")).first()
                .satisfies(c -> assertThat(c.value()).isGreaterThan(0.75)); // the fitted classifier: p(fake) < 0.25
    }

    @Test
    void failsTheSponsorshipGateWhenMostPostsAreAds() {
        ScoredProfile r = scorer.score(snapshot(account("adsy", 12_000).build(),
                posts(20, 300, i -> i % 2 == 0 ? "Tofu scramble #vegan #ad with @brand" + i : vegan(i))));

        assertThat(r.flagged()).isFalse();
        assertThat(r.sponsorship().share()).isEqualTo(0.5);
        assertThat(r.sponsorship().disclosedClearly()).isEqualTo(10);
        assertThat(r.reasons()).contains("sponsored share 0.50 (10 of 20 posts) above 0.20 and 10 distinct brands above 3");
    }

    @Test
    void failsTheFollowerGateOutsideTheRange() {
        ScoredProfile r = scorer.score(snapshot(account("big", 250_000).build(), posts(10, 9_000, StandardScorerTest::vegan)));

        assertThat(r.tier().name()).isEqualTo("mid");
        assertThat(r.reasons()).contains("followers 250,000 above the maximum 100,000");
        assertThat(r.flagged()).isFalse();
    }

    @Test
    void platformBotIsSuspicious() {
        Account bot = account("newsbot2024", 3_000).bot(true).bio("").hasAvatar(false).build();
        ScoredProfile r = scorer.score(snapshot(bot, posts(10, 10, StandardScorerTest::vegan)));

        assertThat(r.authenticity().suspicious()).isTrue();
        assertThat(r.authenticity().reasons().get(0)).contains("the platform marks it as a bot");
        assertThat(r.flagged()).isFalse();
    }

    @Test
    void lowAudienceQualityFailsTheAudienceGate() {
        List<Account> sample = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Account.Builder b = account("fan" + i, i < 12 ? 3 : 250).following(i < 12 ? 900 : 300)
                    .postsCount(i < 12 ? 0 : 400);
            if (i < 12) {
                b.bio("").hasAvatar(false).handle("user" + (48213 + i) + "@bots.example");
            }
            sample.add(b.build());
        }
        ProfileSnapshot s = snapshot(account("greenpan", 12_000).build(), posts(40, 300, StandardScorerTest::vegan))
                .withFollowerSample(sample);
        ScoredProfile r = scorer.score(s);

        // 12 of 20 are confident fakes; the estimate from the probabilities puts the real share below the gate.
        assertThat(r.authenticity().audienceRealPct().getAsDouble()).isLessThan(75.0);
        assertThat(r.reasons()).containsPattern("audience \\d+% real below 75% \\(sample of 20; 0% mass followers\\)");
        assertThat(r.flagged()).isFalse();
    }

    @Test
    void podLikeEngagementIsSuspiciousButDoesNotLowerTheScore() {
        List<Post> pod = new ArrayList<>();
        for (Post p : posts(20, 0, StandardScorerTest::vegan)) {
            pod.add(Post.builder(p.id(), p.createdAt()).text(p.text()).likes(400).replies(300).build());
        }
        ScoredProfile r = scorer.score(snapshot(account("podmember", 12_000).build(), pod));

        assertThat(r.authenticity().suspicious()).isTrue();
        assertThat(r.authenticity().reasons()).anyMatch(s -> s.startsWith("engagement pattern of a pod"));
        assertThat(r.flagged()).isFalse();
        assertThat(r.components()).filteredOn(c -> c.name().equals("authenticity")).first()
                .satisfies(c -> assertThat(c.value()).isGreaterThan(0.75)); // the fitted classifier: p(fake) < 0.25
    }

    @Test
    void hostileHugeTextIsScoredWithoutBlowingUp() {
        String[] hostile = {"a@" + "a.".repeat(20_000) + "1", ("thanks to " + "x ".repeat(30)).repeat(200),
                "code " + "A".repeat(30_000), "#" + "Ab".repeat(10_000), "\u202E".repeat(10_000) + "#ad",
                "=HYPERLINK(\"http://evil.example\")" + "<script>".repeat(1_000), "𝐯𝐞𝐠𝐚𝐧 ".repeat(5_000)};
        Account a = account("hostile", 5_000).bio(String.join(" ", hostile)).build();
        ScoredProfile r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> scorer.score(snapshot(a, posts(hostile.length, 100, i -> hostile[i]))));
        assertThat(r.score()).isBetween(0.0, 100.0);
        assertThat(r.sponsorship().disclosedClearly()).isEqualTo(1);
    }

    @Test
    void repostsAreExcludedFromEngagement() {
        List<Post> posts = new ArrayList<>(posts(10, 300, StandardScorerTest::vegan));
        posts.add(Post.builder("boost", NOW.minus(Duration.ofHours(1))).text("boosted #vegan").likes(100_000).repost(true).build());
        ScoredProfile r = scorer.score(snapshot(account("greenpan", 12_000).build(), posts));

        assertThat(r.postsAnalyzed()).isEqualTo(10);
        assertThat(r.engagement().rate()).hasValueCloseTo(0.025, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theWindowIsTheNewestOriginalPostsWhateverTheFeedOrder() {
        List<Post> inOrder = posts(60, 300, StandardScorerTest::vegan);
        List<Post> shuffled = new ArrayList<>(inOrder);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        shuffled.add(Post.builder("boost", NOW.minus(Duration.ofHours(1))).text("boosted #vegan").likes(100_000)
                .repost(true).build());
        ScoredProfile plain = scorer.score(snapshot(account("greenpan", 12_000).build(), inOrder));
        ScoredProfile fromShuffled = scorer.score(snapshot(account("greenpan", 12_000).build(), shuffled));

        assertThat(fromShuffled).isEqualTo(plain);
        assertThat(plain.postsAnalyzed()).isEqualTo(scorer.settings().postsWindow());
    }

    @Test
    void aProfileScoresTheSameWhateverWasScoredBeforeItOnTheThread() {
        ProfileSnapshot cook = snapshot(account("greenpan", 12_000).build(), posts(40, 300, StandardScorerTest::vegan));
        ProfileSnapshot other = RandomProfiles.profile(11);
        ScoredProfile first = scorer.score(cook);
        scorer.score(other);

        assertThat(scorer.score(cook)).isEqualTo(first);
        assertThat(StandardScorer.withDefaults(TestNiches.plantBasedCooking()).score(other)).isEqualTo(scorer.score(other));
    }

    @Test
    void hiddenFollowerCountLeavesTierAndEngagementUnknown() {
        Account hidden = new Account(account("h", 1).build().ref(), "h@cooking.example", "", "", "",
                java.util.Optional.empty(), java.util.OptionalLong.empty(), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.Optional.empty(), true, false, List.of());
        ScoredProfile r = scorer.score(snapshot(hidden, posts(5, 10, StandardScorerTest::vegan)));

        assertThat(r.tier().name()).isEqualTo("unknown");
        assertThat(r.engagement().rate()).isEmpty();
        assertThat(r.reasons()).contains("followers hidden: cannot check the range 1,000–100,000");
        assertThat(r.score()).isBetween(0.0, 100.0);
    }

    @Test
    void notesGiveawaysNamedInTheCaptionOrInThePlatformsOwnHashtags() {
        List<Post> posts = new ArrayList<>(posts(6, 300, StandardScorerTest::vegan));
        posts.set(0, Post.builder("g0", NOW.minus(Duration.ofHours(1))).text("Win a pan! #GiveawayTime").likes(900).build());
        posts.set(1, Post.builder("g1", NOW.minus(Duration.ofHours(2))).text("Gewinnspiel: Kochbuch").likes(900).build());
        posts.set(2, Post.builder("g2", NOW.minus(Duration.ofHours(3))).text("Un livre a gagner")
                .hashtags(List.of("#Concours")).likes(900).build());
        posts.set(3, Post.builder("g3", NOW.minus(Duration.ofHours(4))).text("Lentil soup, no prize")
                .hashtags(List.of("giveawayfood")).likes(900).build());

        ScoredProfile r = scorer.score(snapshot(account("greenpan", 12_000).build(), posts));

        assertThat(r.engagement().notes()).contains("3 giveaway posts included (they inflate engagement)");
    }
}
