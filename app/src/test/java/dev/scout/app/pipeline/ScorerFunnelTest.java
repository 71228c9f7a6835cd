package dev.scout.app.pipeline;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.Scorer;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.StandardScorer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ScorerFunnelTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ScoringSettings SETTINGS = ScoringSettings.builder()
            .niche(new NicheSpec("plant-based cooking", java.util.List.of("vegan", "tofu", "lentils"), java.util.List.of("vegan")))
            .build();

    private final StandardScorer real = new StandardScorer(SETTINGS);
    private final AtomicInteger scored = new AtomicInteger();
    private final Scorer counting = snapshot -> {
        scored.incrementAndGet();
        return real.score(snapshot);
    };
    private final ScorerFunnel funnel = new ScorerFunnel(counting, SETTINGS);

    @Test
    void aStrongCandidateIsSampledAndExpandedAfterScoringItOnce() {
        ProfileSnapshot snapshot = snapshot("ana", 90, "Tofu scramble and lentils #vegan #plantbased");

        assertThat(funnel.wantsFollowerSample(snapshot)).isTrue();
        ProfileSnapshot withSample = snapshot.withFollowerSample(List.of(
                Account.builder(ProfileRef.mastodon("fan", "cooking.example")).followers(120L).build()));
        assertThat(funnel.expandFrom(withSample)).isTrue();

        assertThat(scored).hasValue(1);
    }

    @Test
    void eachProfileGetsItsOwnAnswerOnTheSameThread() {
        ProfileSnapshot strong = snapshot("ana", 90, "Tofu scramble and lentils #vegan #plantbased");
        ProfileSnapshot offNiche = snapshot("ben", 90, "Long run by the river this morning #running");

        assertThat(funnel.wantsFollowerSample(strong)).isTrue();
        assertThat(funnel.expandFrom(offNiche)).isFalse();
        assertThat(funnel.wantsFollowerSample(offNiche)).isFalse();
        assertThat(funnel.expandFrom(strong)).isTrue();

        assertThat(scored).hasValue(3);
    }

    /** 20 posts a day apart with {@code engagements} each, on an account of 2,000 followers. */
    private static ProfileSnapshot snapshot(String user, long engagements, String caption) {
        Account account = Account.builder(ProfileRef.mastodon(user, "cooking.example"))
                .handle(user + "@cooking.example").displayName(user).bio("Recipes from a tiny kitchen")
                .followers(2_000L).following(300L).postsCount(800L)
                .createdAt(NOW.minus(Duration.ofDays(900))).hasAvatar(true).build();
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            posts.add(Post.builder(user + i, NOW.minus(Duration.ofDays(i + 1L))).text(caption)
                    .likes(engagements * 8 / 10).replies(engagements / 10).shares(engagements / 10).build());
        }
        return new ProfileSnapshot(account, posts, NOW);
    }
}
