package dev.scout.app.pipeline;

import dev.scout.crawler.engine.FunnelPolicy;
import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.Scorer;
import dev.scout.scorer.ScoringSettings;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The crawl funnel backed by the scorer: posts only for profiles in the follower range; a follower sample (the
 * expensive stage) and graph expansion only for profiles that already pass every gate that does not need the
 * sample. Thread-safe (the scorer is).
 */
final class ScorerFunnel implements FunnelPolicy {

    /** Gates a profile must pass before its audience is worth sampling. */
    private static final Set<String> BEFORE_AUDIENCE = Set.of("eligibility", "followers", "niche", "engagement", "sponsorship");

    private final Scorer scorer;
    private final ScoringSettings settings;
    /**
     * The crawl asks {@link #wantsFollowerSample} and then {@link #expandFrom} about the same profile on the same
     * worker thread, the second time with the sample attached. The gates read here do not depend on the sample, so
     * the second answer reuses the first instead of scoring 40 posts again.
     */
    private final ThreadLocal<LastAnswer> last = new ThreadLocal<>();

    ScorerFunnel(Scorer scorer, ScoringSettings settings) {
        this.scorer = scorer;
        this.settings = settings;
    }

    /** No funnel: every stage for every profile. Only for measuring what the funnel saves ({@code scout demo --no-funnel}). */
    static FunnelPolicy everything() {
        return new FunnelPolicy() {
            @Override
            public Decision wantsPosts(Account account) {
                return Decision.yes();
            }

            @Override
            public boolean wantsFollowerSample(ProfileSnapshot snapshot) {
                return true;
            }

            @Override
            public boolean expandFrom(ProfileSnapshot snapshot) {
                return true;
            }
        };
    }

    @Override
    public Decision wantsPosts(Account account) {
        if (account.followers().isEmpty()) {
            return Decision.yes();
        }
        long f = account.followers().getAsLong();
        if (f < settings.followersMin()) {
            return Decision.no(String.format(Locale.ROOT,
                    "%,d followers, below scoring.followers.min %,d; posts not fetched or analysed", f, settings.followersMin()));
        }
        if (f > settings.followersMax()) {
            return Decision.no(String.format(Locale.ROOT,
                    "%,d followers, above scoring.followers.max %,d; posts not fetched or analysed", f, settings.followersMax()));
        }
        return Decision.yes();
    }

    @Override
    public boolean wantsFollowerSample(ProfileSnapshot snapshot) {
        return strongCandidate(snapshot);
    }

    @Override
    public boolean expandFrom(ProfileSnapshot snapshot) {
        return strongCandidate(snapshot);
    }

    private boolean strongCandidate(ProfileSnapshot snapshot) {
        LastAnswer previous = last.get();
        if (previous != null && previous.isAbout(snapshot)) {
            return previous.strong();
        }
        boolean strong = passesBeforeAudience(scorer.score(snapshot));
        last.set(new LastAnswer(snapshot.account(), snapshot.posts(), strong));
        return strong;
    }

    /** An answer for one fetched profile: the same account and posts objects, whatever sample is attached. */
    private record LastAnswer(Account account, List<Post> posts, boolean strong) {
        boolean isAbout(ProfileSnapshot snapshot) {
            return snapshot.account() == account && snapshot.posts() == posts;
        }
    }

    private static boolean passesBeforeAudience(ScoredProfile scored) {
        return scored.gates().stream()
                .filter(g -> BEFORE_AUDIENCE.contains(g.name()))
                .allMatch(ScoredProfile.Gate::passed);
    }
}
