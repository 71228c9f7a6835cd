package dev.scout.app.export;

import dev.scout.model.Account;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.ScoredProfile.Authenticity;
import dev.scout.scorer.ScoredProfile.Cost;
import dev.scout.scorer.ScoredProfile.Engagement;
import dev.scout.scorer.ScoredProfile.Gate;
import dev.scout.scorer.ScoredProfile.Niche;
import dev.scout.scorer.ScoredProfile.NicheMatch;
import dev.scout.scorer.ScoredProfile.ScoreComponent;
import dev.scout.scorer.ScoredProfile.Signal;
import dev.scout.scorer.ScoredProfile.SponsoredPost;
import dev.scout.scorer.ScoredProfile.Sponsorship;
import dev.scout.scorer.ScoredProfile.Tier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one place tests build {@link ScoredProfile} values (exports, report, HubSpot), so a component the scorer adds
 * later is filled in here only. Defaults describe a plausible flagged plant-based-cooking creator on Mastodon.
 */
public final class ScoredProfileFixtures {

    public static final Instant CRAWLED_AT = Instant.parse("2026-11-20T10:15:30Z");
    public static final RunInfo RUN = new RunInfo("run-2026-11-20-a", Instant.parse("2026-11-20T10:00:00Z"),
            "score-1.0", "cfg-3f2a");

    private ScoredProfileFixtures() {
    }

    /** A builder pre-filled for {@code mastodon:user@host}. */
    public static Builder mastodon(String user, String host) {
        return new Builder(ProfileRef.mastodon(user, host));
    }

    /** Mutable, single-use builder. */
    public static final class Builder {
        private final ProfileRef ref;
        private String displayName = "Green Kitchen";
        private String bio = "Vegan recipes and tofu tips";
        private String profileUrl;
        private String website = "https://greenkitchen.example/";
        private Long followers = 12_400L;
        private Long following = 310L;
        private int postsAnalyzed = 40;
        private OptionalDouble rate = OptionalDouble.of(0.0423);
        private double nicheShare = 0.72;
        private double sponsoredShare = 0.05;
        private List<String> brands = List.of("OatCo", "TofuWorks");
        private double score = 87.46;
        private boolean flagged = true;
        private boolean suspicious;
        private OptionalDouble audienceRealPct = OptionalDouble.of(91.25);
        private Optional<String> contactEmail = Optional.of("hello@greenkitchen.example");
        private List<String> nicheEvidence = List.of("tofu (caption)", "#vegan (hashtag)");
        private List<SponsoredPost> sponsoredPosts = new ArrayList<>();
        private OptionalDouble price = OptionalDouble.of(180.0);
        private OptionalDouble costPerEngagement = OptionalDouble.of(0.0342);
        private String tier = "mid";
        private String grade = "high";

        private Builder(ProfileRef ref) {
            this.ref = ref;
            this.profileUrl = "https://" + ref.mastodonHost() + "/@" + ref.mastodonUser();
            this.sponsoredPosts.add(new SponsoredPost("109", profileUrl + "/109", "clear", List.of("OatCo"),
                    List.of("#ad", "use code VEGAN10")));
        }

        public Builder displayName(String v) { this.displayName = v; return this; }
        public Builder bio(String v) { this.bio = v; return this; }
        public Builder profileUrl(String v) { this.profileUrl = v; return this; }
        public Builder website(String v) { this.website = v; return this; }
        public Builder followers(Long v) { this.followers = v; return this; }
        public Builder following(Long v) { this.following = v; return this; }
        public Builder rate(OptionalDouble v) { this.rate = v; return this; }
        public Builder rate(double v) { this.rate = OptionalDouble.of(v); return this; }
        public Builder nicheShare(double v) { this.nicheShare = v; return this; }
        public Builder sponsoredShare(double v) { this.sponsoredShare = v; return this; }
        public Builder brands(List<String> v) { this.brands = v; return this; }
        public Builder score(double v) { this.score = v; return this; }
        public Builder flagged(boolean v) { this.flagged = v; return this; }
        public Builder suspicious(boolean v) { this.suspicious = v; return this; }
        public Builder audienceRealPct(OptionalDouble v) { this.audienceRealPct = v; return this; }
        public Builder contactEmail(String v) { this.contactEmail = Optional.ofNullable(v); return this; }
        public Builder nicheEvidence(List<String> v) { this.nicheEvidence = v; return this; }
        public Builder sponsoredPosts(List<SponsoredPost> v) { this.sponsoredPosts = new ArrayList<>(v); return this; }
        public Builder price(OptionalDouble v) { this.price = v; return this; }
        public Builder costPerEngagement(OptionalDouble v) { this.costPerEngagement = v; return this; }
        public Builder tier(String v) { this.tier = v; return this; }
        public Builder grade(String v) { this.grade = v; return this; }

        public ScoredProfile build() {
            Account.Builder account = Account.builder(ref)
                    .handle(ref.value())
                    .displayName(displayName)
                    .bio(bio)
                    .profileUrl(profileUrl)
                    .website(website)
                    .createdAt(Instant.parse("2021-03-04T00:00:00Z"))
                    .postsCount(812);
            if (followers != null) {
                account.followers(followers);
            }
            if (following != null) {
                account.following(following);
            }
            return new ScoredProfile(
                    account.build(),
                    CRAWLED_AT,
                    postsAnalyzed,
                    new Tier(tier, "10k-50k"),
                    new Engagement(rate, "median_lrs_40p.followers",
                            "median of (likes + replies + shares) / followers over the last 40 original posts",
                            grade, OptionalDouble.of(93.0),
                            "instagram-proxy 10k-50k: avg 0.84–1.11%, high > 2.61% (Modash)", List.of()),
                    new Niche(nicheShare, "plant-based cooking",
                            List.of(new NicheMatch("plant-based cooking", nicheShare, List.of("tofu", "vegan"))),
                            nicheEvidence),
                    new Sponsorship(sponsoredShare, brands, 0.5, OptionalDouble.of(0.031), OptionalDouble.of(0.044),
                            sponsoredPosts, 1, 0, 0),
                    new Authenticity(suspicious, List.of(suspicious ? "follower/following ratio 0.01" : "no concern"),
                            audienceRealPct, OptionalDouble.of(0.08), 200,
                            List.of(new Signal("ratio", "40.0", false, "followers / following is ordinary"))),
                    new Cost(price, costPerEngagement, "cpm-proxy v1"),
                    contactEmail,
                    score,
                    List.of(new ScoreComponent("engagement", 0.4, 0.95, "rate 4.2% is high for 10k-50k"),
                            new ScoreComponent("niche", 0.3, 0.72, "72% of posts on plant-based cooking"),
                            new ScoreComponent("sponsorship", 0.2, 0.9, "5% sponsored, 2 brands"),
                            new ScoreComponent("authenticity", 0.1, 0.91, "91% of sampled followers look real")),
                    flagged,
                    List.of(new Gate("followers", followers != null, "followers 12,400 within 1,000–100,000"),
                            new Gate("niche", nicheShare >= 0.3, "niche share 72% ≥ 30%")),
                    "score-1.0");
        }
    }
}
