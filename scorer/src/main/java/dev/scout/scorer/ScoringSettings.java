package dev.scout.scorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every threshold, weight and table override the scorer uses; the app maps {@code scout.yaml} {@code scoring.*} and
 * {@code niche.*} onto it. Immutable and validated on construction: a bad value throws
 * {@link InvalidScoringSettingsException} naming the {@code scout.yaml} key.
 *
 * <p>Defaults ({@link #defaults()}) are the flag gates of the team brief:
 * <ul>
 *   <li>{@code followersMin} 1,000 and {@code followersMax} 100,000 (micro-influencer window, scoring.md §8);</li>
 *   <li>{@code postsWindow} 40 — the last 40 original posts (one Mastodon page) feed every post metric;</li>
 *   <li>{@code minNicheShare} 0.30 of analysed posts in the target niche;</li>
 *   <li>{@code maxSponsoredShare} 0.20 and {@code maxBrands} 3 (scoring.md §8 proposal, to be calibrated);</li>
 *   <li>{@code minAudienceRealPct} 75 % real followers in a follower sample (Modash: below 75 % "often a sign of
 *       fraud"), applied only when a sample exists;</li>
 *   <li>{@code suspiciousProbability} 0.5 — the account classifier's cut;</li>
 *   <li>{@code minEngagementGrade} {@code above-average} — the engagement gate's cut within the band:
 *       {@code average} (bottom of the average range), {@code above-average} (its top) or {@code high};</li>
 *   <li>weights engagement 0.35, niche 0.25, sponsorship 0.20, authenticity 0.20;</li>
 *   <li>{@code niche} none: every caller names the niche being scouted (a config's {@code niche.*} or
 *       {@code scout score --niche}); there is no default niche;</li>
 *   <li>{@code pricing} no overrides: keys {@code tier} (all platforms) or {@code platform.tier}, e.g.
 *       {@code micro} or {@code youtube.micro}, replace the shipped rate card.</li>
 * </ul>
 */
public record ScoringSettings(
        long followersMin,
        long followersMax,
        int postsWindow,
        double minNicheShare,
        double maxSponsoredShare,
        int maxBrands,
        double minAudienceRealPct,
        double suspiciousProbability,
        String minEngagementGrade,
        Weights weights,
        NicheSpec niche,
        Map<String, PriceRange> pricing) {

    /** Accepted values of {@code minEngagementGrade}, weakest first. */
    public static final java.util.List<String> ENGAGEMENT_GRADES = java.util.List.of("average", "above-average", "high");
    private static final Set<String> TIERS = Set.of("below-nano", "nano", "micro", "mid", "macro", "mega");
    private static final Set<String> PLATFORMS = java.util.Arrays.stream(dev.scout.model.Platform.values())
            .map(dev.scout.model.Platform::key).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public ScoringSettings {
        Objects.requireNonNull(weights, "weights");
        pricing = pricing == null ? Map.of() : Map.copyOf(pricing);
        if (followersMin < 0) {
            throw new InvalidScoringSettingsException("scoring.followers.min", followersMin, "must be >= 0");
        }
        if (followersMax < followersMin) {
            throw new InvalidScoringSettingsException("scoring.followers.max", followersMax,
                    "must be >= scoring.followers.min (" + followersMin + ")");
        }
        if (postsWindow < 1 || postsWindow > 1000) {
            throw new InvalidScoringSettingsException("crawl.postsPerProfile", postsWindow, "must be between 1 and 1000");
        }
        requireFraction("scoring.niche.minShare", minNicheShare);
        requireFraction("scoring.sponsorship.maxShare", maxSponsoredShare);
        if (maxBrands < 0) {
            throw new InvalidScoringSettingsException("scoring.sponsorship.maxDistinctBrands", maxBrands, "must be >= 0");
        }
        if (!(minAudienceRealPct >= 0 && minAudienceRealPct <= 100)) {
            throw new InvalidScoringSettingsException("scoring.authenticity.minAudienceRealPct", minAudienceRealPct,
                    "must be a percentage between 0 and 100");
        }
        if (!(suspiciousProbability > 0 && suspiciousProbability < 1)) {
            throw new InvalidScoringSettingsException("suspiciousProbability",
                    suspiciousProbability, "must be strictly between 0 and 1");
        }
        if (!ENGAGEMENT_GRADES.contains(minEngagementGrade)) {
            throw new InvalidScoringSettingsException("scoring.engagement.minGrade", minEngagementGrade,
                    "must be one of " + String.join(", ", ENGAGEMENT_GRADES));
        }
        for (String key : pricing.keySet()) {
            String[] parts = key.split("\\.", -1);
            boolean ok = parts.length == 1 ? TIERS.contains(parts[0])
                    : parts.length == 2 && PLATFORMS.contains(parts[0]) && TIERS.contains(parts[1]);
            if (!ok) {
                throw new InvalidScoringSettingsException("scoring.pricing." + key, key,
                        "must be a tier (" + String.join(", ", TIERS) + ") or platform.tier, e.g. youtube.micro");
            }
        }
        if (niche == null) {
            throw new InvalidScoringSettingsException("niche.name", "(not set)",
                    "is required: name the niche being scouted (there is no default niche)");
        }
        if (niche.name().isBlank()) {
            throw new InvalidScoringSettingsException("niche.name", "''", "must not be blank");
        }
    }

    private static void requireFraction(String key, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new InvalidScoringSettingsException(key, v, "must be a fraction between 0 and 1");
        }
    }

    /** The documented defaults (see the class comment) for scouting {@code niche}. */
    public static ScoringSettings defaults(NicheSpec niche) {
        return builder().niche(niche).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this instance's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.followersMin = followersMin;
        b.followersMax = followersMax;
        b.postsWindow = postsWindow;
        b.minNicheShare = minNicheShare;
        b.maxSponsoredShare = maxSponsoredShare;
        b.maxBrands = maxBrands;
        b.minAudienceRealPct = minAudienceRealPct;
        b.suspiciousProbability = suspiciousProbability;
        b.minEngagementGrade = minEngagementGrade;
        b.weights = weights;
        b.niche = niche;
        b.pricing = new LinkedHashMap<>(pricing);
        return b;
    }

    /**
     * Relative weights of the score components; they need not sum to 1 (the score divides by their sum).
     * Defaults: engagement 0.35, niche 0.25, sponsorship 0.20, authenticity 0.20.
     */
    public record Weights(double engagement, double niche, double sponsorship, double authenticity) {
        public Weights {
            requireWeight("scoring.weights.engagement", engagement);
            requireWeight("scoring.weights.niche", niche);
            requireWeight("scoring.weights.sponsorship", sponsorship);
            requireWeight("scoring.weights.authenticity", authenticity);
            if (engagement + niche + sponsorship + authenticity <= 0) {
                throw new InvalidScoringSettingsException("scoring.weights", "all zero", "at least one weight must be > 0");
            }
        }

        private static void requireWeight(String key, double v) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new InvalidScoringSettingsException(key, v, "must be a finite number >= 0");
            }
        }

        public static Weights defaults() {
            return new Weights(0.35, 0.25, 0.20, 0.20);
        }

        public double sum() {
            return engagement + niche + sponsorship + authenticity;
        }
    }

    /** Mutable, single-use builder; not thread-safe. Starts from the defaults; the niche must be set. */
    public static final class Builder {
        private long followersMin = 1_000;
        private long followersMax = 100_000;
        private int postsWindow = 40;
        private double minNicheShare = 0.30;
        private double maxSponsoredShare = 0.20;
        private int maxBrands = 3;
        private double minAudienceRealPct = 75.0;
        private double suspiciousProbability = 0.5;
        private String minEngagementGrade = "above-average";
        private Weights weights = Weights.defaults();
        private NicheSpec niche;
        private Map<String, PriceRange> pricing = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder followersMin(long v) { this.followersMin = v; return this; }
        public Builder followersMax(long v) { this.followersMax = v; return this; }
        public Builder postsWindow(int v) { this.postsWindow = v; return this; }
        public Builder minNicheShare(double v) { this.minNicheShare = v; return this; }
        public Builder maxSponsoredShare(double v) { this.maxSponsoredShare = v; return this; }
        public Builder maxBrands(int v) { this.maxBrands = v; return this; }
        public Builder minAudienceRealPct(double v) { this.minAudienceRealPct = v; return this; }
        public Builder suspiciousProbability(double v) { this.suspiciousProbability = v; return this; }
        public Builder minEngagementGrade(String v) { this.minEngagementGrade = v; return this; }
        public Builder weights(Weights v) { this.weights = v; return this; }
        public Builder niche(NicheSpec v) { this.niche = v; return this; }
        /** @param key {@code tier} or {@code platform.tier}, e.g. {@code micro} or {@code youtube.micro} */
        public Builder price(String key, PriceRange v) { this.pricing.put(key, v); return this; }
        public Builder pricing(Map<String, PriceRange> v) { this.pricing = new LinkedHashMap<>(v); return this; }

        public ScoringSettings build() {
            return new ScoringSettings(followersMin, followersMax, postsWindow, minNicheShare, maxSponsoredShare,
                    maxBrands, minAudienceRealPct, suspiciousProbability, minEngagementGrade, weights, niche, pricing);
        }
    }
}
