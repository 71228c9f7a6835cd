package dev.scout.scorer;

import dev.scout.model.Account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The scorer's verdict on one profile, with every number, threshold and piece of evidence behind it.
 * This is the record exporters and the report read; it is part of the output contract (add, never rename).
 *
 * @param account       the profile as scored
 * @param crawledAt     when its data was gathered
 * @param postsAnalyzed original posts used for engagement (reposts excluded)
 * @param tier          follower tier and band
 * @param engagement    engagement rate, definition and grade within the band
 * @param niche         niche fit and its evidence
 * @param sponsorship   brand partnerships and disclosure compliance
 * @param authenticity  account classifier verdict, audience quality and profile signals
 * @param cost          estimated price per post and cost per engagement
 * @param contactEmail  a public business email found in the bio or profile fields
 * @param score         0–100, weighted from {@code components}
 * @param components    each weighted part of the score
 * @param flagged       true when every gate passed
 * @param gates         each gate, passed or failed, with value and threshold
 * @param scoreVersion  version of the scoring rules and tables, so two runs can be compared
 */
public record ScoredProfile(
        Account account,
        Instant crawledAt,
        int postsAnalyzed,
        Tier tier,
        Engagement engagement,
        Niche niche,
        Sponsorship sponsorship,
        Authenticity authenticity,
        Cost cost,
        Optional<String> contactEmail,
        double score,
        List<ScoreComponent> components,
        boolean flagged,
        List<Gate> gates,
        String scoreVersion) {

    public ScoredProfile {
        components = List.copyOf(components);
        gates = List.copyOf(gates);
    }

    /**
     * Every metric's definition, so two runs can be compared: {@link MetricDefinitions#ALL} with the engagement
     * definition of this result (its window and denominator).
     */
    public java.util.Map<String, String> metricDefinitions() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>(MetricDefinitions.ALL);
        m.put("engagement_rate", engagement.definitionId() + ": " + engagement.definition());
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The reasons column: every gate in plain words, separated by "; ". */
    public String reasons() {
        return String.join("; ", gates.stream().map(Gate::explanation).toList());
    }

    /** @param name tier name (nano, micro, mid, macro, mega, or below-nano); band e.g. "10k-50k"; unknown when followers are hidden */
    public record Tier(String name, String band) {
    }

    /**
     * @param rate        engagement rate as a fraction (0.0423), empty when no original post was available
     * @param definitionId e.g. {@code median_lrs_40p.followers} — numerator, aggregation, window, denominator
     * @param definition  the same in words
     * @param grade       low, average, above-average, high, or unknown
     * @param bandPercentile estimated percentile within the platform × band benchmark (0–100)
     * @param benchmark   the benchmark used, e.g. "instagram-proxy 10k-50k: avg 0.84–1.11%, high > 2.61% (Modash)"
     * @param notes       e.g. pinned posts or giveaways seen
     */
    public record Engagement(OptionalDouble rate, String definitionId, String definition, String grade,
                             OptionalDouble bandPercentile, String benchmark, List<String> notes) {
        public Engagement {
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param share       fraction of analysed posts that match the target niche
     * @param target      the target niche's name
     * @param topNiches   best-matching niches of the taxonomy, best first
     * @param evidence    matched terms with where they were found (bio, caption, hashtag)
     */
    public record Niche(double share, String target, List<NicheMatch> topNiches, List<String> evidence) {
        public Niche {
            topNiches = List.copyOf(topNiches);
            evidence = List.copyOf(evidence);
        }
    }

    /** @param share fraction of posts matching this niche */
    public record NicheMatch(String niche, double share, List<String> terms) {
        public NicheMatch {
            terms = List.copyOf(terms);
        }
    }

    /**
     * @param share            fraction of analysed posts judged sponsored
     * @param brands           distinct brands (mentions, link domains, codes), most frequent first
     * @param repeatBrandRatio share of sponsored posts whose brand appears more than once
     * @param sponsoredEngagementRate median engagement rate of sponsored posts
     * @param organicEngagementRate   median engagement rate of the other posts
     * @param posts            each sponsored post with its evidence
     * @param disclosedClearly sponsored posts with an explicit disclosure (#ad, "paid partnership")
     * @param disclosedAmbiguously sponsored posts with only vague tags (#collab, #sp, "thanks to @brand")
     * @param undisclosed      sponsored posts (e.g. affiliate links or codes) without any disclosure
     */
    public record Sponsorship(double share, List<String> brands, double repeatBrandRatio,
                              OptionalDouble sponsoredEngagementRate, OptionalDouble organicEngagementRate,
                              List<SponsoredPost> posts, int disclosedClearly, int disclosedAmbiguously,
                              int undisclosed) {
        public Sponsorship {
            brands = List.copyOf(brands);
            posts = List.copyOf(posts);
        }
    }

    /** @param evidence matched text per signal, e.g. "#ad", "use code VEGAN10", "amzn.to link" */
    public record SponsoredPost(String postId, String url, String disclosure, List<String> brands, List<String> evidence) {
        public SponsoredPost {
            brands = List.copyOf(brands);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param suspicious        the account classifier's verdict on the profile itself
     * @param reasons           why (or why not) suspicious
     * @param audienceRealPct   estimated percentage of real accounts in the follower sample, empty when no sample was taken
     * @param massFollowerShare share of the sample following more than 1,500 accounts, empty without a sample
     * @param sampleSize        followers sampled
     * @param signals           profile sub-signals (ratio, mass-following, cadence, growth spike, …)
     */
    public record Authenticity(boolean suspicious, List<String> reasons, OptionalDouble audienceRealPct,
                               OptionalDouble massFollowerShare, int sampleSize, List<Signal> signals) {
        public Authenticity {
            reasons = List.copyOf(reasons);
            signals = List.copyOf(signals);
        }
    }

    /** One authenticity sub-signal: name, measured value in words, and whether it raised concern. */
    public record Signal(String name, String value, boolean concern, String explanation) {
    }

    /** @param estPriceUsd estimated price per post; costPerEngagementUsd = price / expected engagements per post */
    public record Cost(OptionalDouble estPriceUsd, OptionalDouble costPerEngagementUsd, String model) {
    }

    /** One weighted part of the score. value in [0,1]; contribution = weight × value × 100. */
    public record ScoreComponent(String name, double weight, double value, String explanation) {
    }

    /** One flag condition. {@code explanation} names the value and the threshold in words. */
    public record Gate(String name, boolean passed, String explanation) {
    }
}
