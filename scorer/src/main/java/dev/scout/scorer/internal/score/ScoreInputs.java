package dev.scout.scorer.internal.score;

import dev.scout.model.Account;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.authenticity.AuthenticityResult;
import dev.scout.scorer.internal.engagement.EngagementResult;
import dev.scout.scorer.internal.tier.FollowerBand;

import java.util.Optional;

/**
 * Everything the score and the gates are computed from.
 *
 * @param account       the profile
 * @param band          its follower band, empty when followers are hidden
 * @param postsAnalyzed original posts analysed
 * @param engagement    engagement and its benchmark
 * @param niche         niche fit
 * @param sponsorship   brand partnerships
 * @param authenticity  authenticity and its component value
 */
public record ScoreInputs(Account account, Optional<FollowerBand> band, int postsAnalyzed, EngagementResult engagement,
                          ScoredProfile.Niche niche, ScoredProfile.Sponsorship sponsorship,
                          AuthenticityResult authenticity) {
}
