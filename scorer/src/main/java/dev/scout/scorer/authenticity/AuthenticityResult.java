package dev.scout.scorer.authenticity;

import dev.scout.scorer.ScoredProfile;

/**
 * Authenticity of one profile: the output record plus the score component derived from it.
 *
 * @param authenticity   the output record
 * @param probability    the account classifier's probability that the profile is suspicious
 * @param value          component value in [0, 1]
 * @param explanation    how {@code value} was reached, in words
 */
public record AuthenticityResult(ScoredProfile.Authenticity authenticity, double probability, double value,
                                 String explanation) {
}
