package dev.scout.scorer.internal.engagement;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.internal.tier.FollowerBand;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EngagementAnalyzerTest {

    private final EngagementAnalyzer analyzer = new EngagementAnalyzer(BenchmarkTable.load(), 40);

    private static Post post(String id, long likes, long views, boolean pinned) {
        Post.Builder b = Post.builder(id, Instant.EPOCH).likes(likes).pinned(pinned);
        if (views >= 0) {
            b.views(views);
        }
        return b.build();
    }

    @Test
    void medianByFollowersWithPinnedAndGiveawayNoted() {
        Account a = Account.builder(ProfileRef.mastodon("a", "x.example")).followers(20_000).build();
        List<Post> posts = List.of(post("1", 100, -1, true), post("2", 300, -1, false), post("3", 10_000, -1, false));
        EngagementResult r = analyzer.analyze(a, posts, FollowerBand.of(20_000), 1);

        assertThat(r.rate()).hasValue(0.015); // median 300 / 20,000: the viral giveaway does not drag it up
        assertThat(r.engagement().definitionId()).isEqualTo("median_lrs_40p.followers");
        assertThat(r.engagement().grade()).isEqualTo("above-average");
        assertThat(r.engagement().notes()).contains("1 pinned post included",
                "1 giveaway post included (they inflate engagement)");
        assertThat(r.medianEngagements()).hasValue(300);
    }

    @Test
    void videoPlatformsUseViewsAndTheYouTubeTable() {
        Account a = new Account(new ProfileRef(Platform.YOUTUBE, "UCabcdefghijklmnopqrstuv"), "@chef", "", "", "",
                java.util.Optional.empty(), java.util.OptionalLong.of(30_000), java.util.OptionalLong.empty(),
                java.util.OptionalLong.empty(), java.util.Optional.empty(), true, false, List.of());
        List<Post> posts = List.of(post("1", 100, 10_000, false), post("2", 60, 2_000, false), post("3", 5, -1, false));
        EngagementResult r = analyzer.analyze(a, posts, FollowerBand.of(30_000), 0);

        assertThat(r.rate().getAsDouble()).isCloseTo(0.02, within(1e-12)); // median of 1% and 3%
        assertThat(r.engagement().definitionId()).isEqualTo("median_lrs_40p.views");
        assertThat(r.engagement().benchmark()).startsWith("youtube 10k-50k");
        assertThat(r.engagement().grade()).isEqualTo("high");
        assertThat(r.engagement().notes()).contains("1 video without view counts skipped");
    }

    @Test
    void instagramPostsWithHiddenLikesCountCommentsOnlyAndSaySo() {
        Account a = Account.builder(new ProfileRef(Platform.INSTAGRAM, "linnea.bakes")).followers(10_000).build();
        Post hidden = Post.builder("2", Instant.EPOCH).replies(40).platformLabels(List.of(Post.LABEL_LIKES_HIDDEN)).build();
        List<Post> posts = List.of(post("1", 200, -1, false), hidden, post("3", 150, -1, false));
        EngagementResult r = analyzer.analyze(a, posts, FollowerBand.of(10_000), 0);

        assertThat(r.rate()).hasValue(0.015); // median of 200, 40 and 150 engagements over 10,000 followers
        assertThat(r.engagement().benchmark()).startsWith("instagram 10k-50k");
        assertThat(r.likesHiddenNote()).contains("1 of 3 posts hide their like count: engagement counts their comments"
                + " only (understated)");
        assertThat(r.engagement().notes()).contains(r.likesHiddenNote().orElseThrow());
    }

    @Test
    void noPostsMeansUnknown() {
        Account a = Account.builder(ProfileRef.mastodon("a", "x.example")).followers(2_000).build();
        EngagementResult r = analyzer.analyze(a, List.of(), FollowerBand.of(2_000), 0);
        assertThat(r.rate()).isEmpty();
        assertThat(r.engagement().grade()).isEqualTo("unknown");
        assertThat(r.engagement().notes()).contains("no original posts: engagement unknown");
    }
}
