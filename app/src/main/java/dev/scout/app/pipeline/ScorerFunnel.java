package dev.scout.app.pipeline;

import dev.scout.crawler.engine.FunnelPolicy;
import dev.scout.model.Account;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.Scorer;
import dev.scout.scorer.ScoringSettings;

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
        if (f < settings.followersMin() || f > settings.followersMax()) {
            return Decision.no(String.format(Locale.ROOT, "followers %,d outside %,d–%,d: posts not fetched",
                    f, settings.followersMin(), settings.followersMax()));
        }
        return Decision.yes();
    }

    @Override
    public boolean wantsFollowerSample(ProfileSnapshot snapshot) {
        return passesBeforeAudience(scorer.score(snapshot));
    }

    @Override
    public boolean expandFrom(ProfileSnapshot snapshot) {
        return passesBeforeAudience(scorer.score(snapshot));
    }

    private static boolean passesBeforeAudience(ScoredProfile scored) {
        return scored.gates().stream()
                .filter(g -> BEFORE_AUDIENCE.contains(g.name()))
                .allMatch(ScoredProfile.Gate::passed);
    }
}
