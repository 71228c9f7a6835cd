package dev.scout.scorer.internal.cost;

import dev.scout.model.Platform;
import dev.scout.scorer.PriceRange;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.tier.FollowerBand;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Estimated price per post by platform × tier, and cost per engagement (price ÷ median engagements per post) —
 * the seed argument for micro-influencers.
 *
 * <p>Default rate card (US dollars per post; Scout's defaults, not quotes): follower platforms (Mastodon, Bluesky,
 * web) and TikTok nano $5–$25, micro $25–$125, mid $125–$1,250, macro $1,250–$25,000, mega $25,000+; YouTube nano
 * $20–$200, micro $200–$1,000, mid $1,000–$10,000, macro $10,000–$25,000, mega $25,000+; Instagram nano $10–$100,
 * micro $100–$500, mid $500–$5,000, macro $5,000–$10,000, mega $10,000+; X nano $2–$20, micro $20–$150, mid
 * $150–$1,500, macro $1,500–$3,000, mega $3,000+. The figures follow the public rate-card summaries brand marketers
 * quote (Influencer Marketing Hub's rates by platform and tier, e.g. as repeated in "How Much Do Influencers Cost?",
 * alittleclass.blogspot.com, January 2021). No card is published for Threads or Twitch: Threads uses Instagram's
 * (the same accounts and audiences), Twitch YouTube's (long-form video). Override them with
 * {@code scoring.pricing}. Within a tier the price is interpolated on a log scale of followers; open-ended tiers
 * use their floor; below 1,000 followers the nano floor scales with followers. Immutable and thread-safe.
 */
public final class CostModel {

    private static final Map<String, PriceRange> DEFAULTS = Map.ofEntries(
            Map.entry("nano", PriceRange.of(5, 25)),
            Map.entry("micro", PriceRange.of(25, 125)),
            Map.entry("mid", PriceRange.of(125, 1_250)),
            Map.entry("macro", PriceRange.of(1_250, 25_000)),
            Map.entry("mega", PriceRange.from(25_000)),
            Map.entry("youtube.nano", PriceRange.of(20, 200)),
            Map.entry("youtube.micro", PriceRange.of(200, 1_000)),
            Map.entry("youtube.mid", PriceRange.of(1_000, 10_000)),
            Map.entry("youtube.macro", PriceRange.of(10_000, 25_000)),
            Map.entry("youtube.mega", PriceRange.from(25_000)),
            Map.entry("instagram.nano", PriceRange.of(10, 100)),
            Map.entry("instagram.micro", PriceRange.of(100, 500)),
            Map.entry("instagram.mid", PriceRange.of(500, 5_000)),
            Map.entry("instagram.macro", PriceRange.of(5_000, 10_000)),
            Map.entry("instagram.mega", PriceRange.from(10_000)),
            Map.entry("threads.nano", PriceRange.of(10, 100)),
            Map.entry("threads.micro", PriceRange.of(100, 500)),
            Map.entry("threads.mid", PriceRange.of(500, 5_000)),
            Map.entry("threads.macro", PriceRange.of(5_000, 10_000)),
            Map.entry("threads.mega", PriceRange.from(10_000)),
            Map.entry("x.nano", PriceRange.of(2, 20)),
            Map.entry("x.micro", PriceRange.of(20, 150)),
            Map.entry("x.mid", PriceRange.of(150, 1_500)),
            Map.entry("x.macro", PriceRange.of(1_500, 3_000)),
            Map.entry("x.mega", PriceRange.from(3_000)),
            Map.entry("twitch.nano", PriceRange.of(20, 200)),
            Map.entry("twitch.micro", PriceRange.of(200, 1_000)),
            Map.entry("twitch.mid", PriceRange.of(1_000, 10_000)),
            Map.entry("twitch.macro", PriceRange.of(10_000, 25_000)),
            Map.entry("twitch.mega", PriceRange.from(25_000)));

    private static final Map<String, long[]> TIER_FOLLOWERS = Map.of(
            "nano", new long[]{1_000, 10_000}, "micro", new long[]{10_000, 100_000},
            "mid", new long[]{100_000, 500_000}, "macro", new long[]{500_000, 1_000_000});

    private static final String METHOD = ", log-interpolated by followers; cost per engagement = price / median"
            + " engagements per post";
    private static final ScoredProfile.Cost UNKNOWN = new ScoredProfile.Cost(OptionalDouble.empty(),
            OptionalDouble.empty(), "no estimate: follower count unknown");

    private final Map<String, PriceRange> card;
    /** Each platform × band's rate and model text, by ordinals, built once: every estimate quotes one. */
    private final Quote[][] quotes = new Quote[Platform.values().length][FollowerBand.values().length];

    /**
     * The rate for one platform and band.
     *
     * @param range  the tier's price range (the nano range below 1,000 followers)
     * @param lowest the tier's lowest follower count, when the price is interpolated
     * @param logLow natural log of the tier's lowest follower count, NaN when the price is not interpolated
     * @param logTop natural log of the tier's highest follower count, NaN when the price is not interpolated
     * @param text   the model text; below 1,000 followers, the part before the follower count
     * @param after  below 1,000 followers, the part after the follower count; otherwise empty
     */
    private record Quote(PriceRange range, long lowest, double logLow, double logTop, String text, String after) {
    }

    /** @param overrides keys {@code tier} or {@code platform.tier}; they replace the defaults */
    public CostModel(Map<String, PriceRange> overrides) {
        Map<String, PriceRange> c = new HashMap<>(DEFAULTS);
        c.putAll(overrides);
        this.card = Map.copyOf(c);
        for (Platform platform : Platform.values()) {
            for (FollowerBand b : FollowerBand.values()) {
                quotes[platform.ordinal()][b.ordinal()] = quote(platform, b.tier());
            }
        }
    }

    private Quote quote(Platform platform, String tier) {
        if (tier.equals("below-nano")) {
            PriceRange nano = range(platform, "nano");
            return new Quote(nano, 0, Double.NaN, Double.NaN, "nano floor " + nano.describe() + " scaled to ",
                    " followers" + METHOD);
        }
        PriceRange r = range(platform, tier);
        long[] span = TIER_FOLLOWERS.get(tier);
        boolean interpolated = r.highUsd().isPresent() && span != null;
        return new Quote(r, interpolated ? span[0] : 0, interpolated ? Math.log(span[0]) : Double.NaN,
                interpolated ? Math.log(span[1]) : Double.NaN,
                platform.key() + " " + tier + " rate card " + r.describe() + METHOD, "");
    }

    public ScoredProfile.Cost estimate(Platform platform, Optional<FollowerBand> band, long followers,
                                       OptionalDouble medianEngagements) {
        if (band.isEmpty()) {
            return UNKNOWN;
        }
        Quote q = quotes[platform.ordinal()][band.get().ordinal()];
        PriceRange r = q.range();
        double price;
        String text;
        if (band.get() == FollowerBand.BELOW_1K) {
            price = r.lowUsd() * Math.max(followers, 0) / 1_000.0;
            text = q.text() + followers + q.after();
        } else {
            if (Double.isNaN(q.logLow())) {
                price = r.lowUsd();
            } else {
                double t = (Math.log(Math.max(followers, q.lowest())) - q.logLow()) / (q.logTop() - q.logLow());
                t = Math.max(0, Math.min(1, t));
                price = r.lowUsd() + t * (r.highUsd().getAsDouble() - r.lowUsd());
            }
            text = q.text();
        }
        OptionalDouble cpe = medianEngagements.isPresent() && medianEngagements.getAsDouble() > 0
                ? OptionalDouble.of(price / medianEngagements.getAsDouble()) : OptionalDouble.empty();
        String model = text + (cpe.isEmpty() ? " (unknown: no engagements)" : " (" + Math.round(
                medianEngagements.getAsDouble()) + ")");
        return new ScoredProfile.Cost(OptionalDouble.of(Math.round(price * 100) / 100.0), cpe, model);
    }

    private PriceRange range(Platform platform, String tier) {
        PriceRange specific = card.get(platform.key() + "." + tier);
        return specific != null ? specific : card.get(tier);
    }
}
