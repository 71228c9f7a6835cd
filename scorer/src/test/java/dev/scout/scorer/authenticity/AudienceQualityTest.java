package dev.scout.scorer.authenticity;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceQualityTest {

    private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    private final AudienceQuality quality = new AudienceQuality(new AccountClassifier(0.5));

    /** A follower-list entry without counts, as Bluesky's getFollowers returns it. */
    private static Account listEntry(String bio, boolean avatar, String name, long ageDays) {
        return Account.builder(new ProfileRef(Platform.BLUESKY, name + ".sky.example"))
                .handle(name + ".sky.example")
                .bio(bio)
                .hasAvatar(avatar)
                .createdAt(NOW.minus(Duration.ofDays(ageDays)))
                .build();
    }

    @Test
    void ordinaryAudienceWithoutCountsIsMostlyReal() {
        List<Account> sample = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            // The usual mix of real people: some without a bio, a few with the default avatar, none both.
            String bio = i % 7 == 0 ? "" : "home cook, tea, long walks";
            boolean avatar = i % 7 != 3;
            sample.add(listEntry(bio, avatar, "person" + (char) ('a' + i % 26) + "x" + (char) ('a' + i / 26), 400 + i));
        }
        AudienceQuality.Result r = quality.assess(sample, NOW);
        assertThat(r.realPct()).isGreaterThan(97.0);
        assertThat(r.massFollowerShare()).isZero();
    }

    @Test
    void boughtFollowersWithoutCountsFailTheGate() {
        List<Account> sample = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sample.add(i % 2 == 0
                    ? listEntry("home cook", true, "person" + (char) ('a' + i % 26) + (char) ('a' + i / 26), 900)
                    : listEntry("", false, "maya" + (48_000 + i), 12));
        }
        // Half the sample are bought accounts, each with every profile sign: the estimate falls below the 75% gate.
        assertThat(quality.assess(sample, NOW).realPct()).isLessThan(75.0);
    }

    private static Account counted(String name, long followers, long following, long posts, String bio) {
        return Account.builder(new ProfileRef(Platform.MASTODON, name + "@fika.example"))
                .handle(name + "@fika.example").bio(bio).hasAvatar(true)
                .followers(followers).following(following).postsCount(posts)
                .createdAt(NOW.minus(Duration.ofDays(800))).build();
    }

    @Test
    void realPeopleTheClassifierIsUnsureAboutDoNotEachCountAsAWholeFake() {
        // 60 ordinary followers and 20 quiet ones (12 followers, 20 posts, no bio): the classifier puts each quiet
        // one at about 0.7, so counting verdicts would say 75% real; their likelihood says they are mostly real.
        List<Account> sample = new ArrayList<>();
        AccountClassifier classifier = new AccountClassifier(0.5);
        for (int i = 0; i < 80; i++) {
            String name = "person" + (char) ('a' + i % 26) + "x" + (char) ('a' + i / 26);
            sample.add(i < 60 ? counted(name, 250, 300, 400, "home cook, tea, long walks") : counted(name, 12, 150, 20, ""));
        }
        long judgedFake = sample.stream().filter(a -> classifier.isSuspicious(AccountFeatures.of(a, NOW))).count();
        assertThat(judgedFake).isEqualTo(20);
        assertThat(quality.assess(sample, NOW).realPct()).isGreaterThan(90.0);
    }
}
