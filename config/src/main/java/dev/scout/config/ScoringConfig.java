package dev.scout.config;

import dev.scout.model.Platform;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The gates a profile must pass to be flagged, the weights of the score, and optional price overrides.
 *
 * @param followers    the follower range
 * @param niche        how on-niche the posts must be
 * @param engagement   how engaging the profile must be for its size
 * @param sponsorship  how little sponsored content it may carry
 * @param authenticity how real its audience must look
 * @param weights      the score's weights
 * @param pricing      per platform and tier, price ranges that replace the shipped defaults; usually empty
 */
public record ScoringConfig(Followers followers, Niche niche, Engagement engagement, Sponsorship sponsorship,
                            Authenticity authenticity, Weights weights,
                            Map<Platform, Map<PricingTier, PriceRange>> pricing) {

    public ScoringConfig {
        Objects.requireNonNull(followers, "followers");
        Objects.requireNonNull(niche, "niche");
        Objects.requireNonNull(engagement, "engagement");
        Objects.requireNonNull(sponsorship, "sponsorship");
        Objects.requireNonNull(authenticity, "authenticity");
        Objects.requireNonNull(weights, "weights");
        pricing = immutable(pricing);
    }

    /** Followers within {@code [min, max]}; {@code 0 <= min < max}. */
    public record Followers(long min, long max) {
        /** Whether a follower count is in range. */
        public boolean contains(long count) {
            return count >= min && count <= max;
        }
    }

    /** @param minShare the fraction of analysed posts that must be on-niche, 0..1 */
    public record Niche(double minShare) {
    }

    /** @param minGrade the engagement grade a profile must reach for its follower band */
    public record Engagement(EngagementGrade minGrade) {
        public Engagement {
            Objects.requireNonNull(minGrade, "minGrade");
        }
    }

    /**
     * @param maxShare          the largest fraction of analysed posts that may be sponsored, 0..1
     * @param maxDistinctBrands the most distinct partner brands a profile may show, >= 0
     */
    public record Sponsorship(double maxShare, int maxDistinctBrands) {
    }

    /** @param minAudienceRealPct the percentage (0..100) of sampled followers that must look real */
    public record Authenticity(double minAudienceRealPct) {
    }

    /** Relative weights of the score's parts; each >= 0, not all 0. */
    public record Weights(double engagement, double niche, double sponsorship, double authenticity) {
        /** The sum of the weights, for normalising. */
        public double sum() {
            return engagement + niche + sponsorship + authenticity;
        }
    }

    private static Map<Platform, Map<PricingTier, PriceRange>> immutable(Map<Platform, Map<PricingTier, PriceRange>> in) {
        EnumMap<Platform, Map<PricingTier, PriceRange>> copy = new EnumMap<>(Platform.class);
        in.forEach((platform, tiers) -> {
            EnumMap<PricingTier, PriceRange> t = new EnumMap<>(PricingTier.class);
            t.putAll(tiers);
            copy.put(platform, Collections.unmodifiableMap(t));
        });
        return Collections.unmodifiableMap(copy);
    }
}
