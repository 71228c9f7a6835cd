package dev.scout.config.internal;

import dev.scout.config.Defaults;
import dev.scout.config.EngagementGrade;
import dev.scout.config.PriceRange;
import dev.scout.config.PricingTier;
import dev.scout.config.ScoringConfig;
import dev.scout.model.Platform;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads {@code scoring}: gates, weights and price overrides. */
final class ScoringBinder {
    private ScoringBinder() {
    }

    static ScoringConfig bind(Section root) {
        Section s = root.section("scoring");
        ScoringConfig c = new ScoringConfig(followers(s.section("followers")), niche(s.section("niche")),
                engagement(s.section("engagement")), sponsorship(s.section("sponsorship")),
                authenticity(s.section("authenticity")), weights(s.section("weights")), pricing(s.section("pricing")));
        s.finish();
        return c;
    }

    private static ScoringConfig.Followers followers(Section s) {
        long min = s.whole("min", Defaults.FOLLOWERS_MIN, 0, Long.MAX_VALUE);
        long max = s.whole("max", Defaults.FOLLOWERS_MAX, 1, Long.MAX_VALUE);
        if (max <= min) {
            s.problems().add(s.path("max"), String.valueOf(max), "must be greater than scoring.followers.min (" + min + ")");
        }
        s.finish();
        return new ScoringConfig.Followers(min, max);
    }

    private static ScoringConfig.Niche niche(Section s) {
        ScoringConfig.Niche n = new ScoringConfig.Niche(s.number("minShare", Defaults.NICHE_MIN_SHARE, 0, 1));
        s.finish();
        return n;
    }

    private static ScoringConfig.Engagement engagement(Section s) {
        EngagementGrade grade = Defaults.ENGAGEMENT_MIN_GRADE;
        Optional<String> text = s.optionalText("minGrade");
        if (text.isPresent()) {
            List<String> keys = Arrays.stream(EngagementGrade.values()).map(EngagementGrade::key).collect(Collectors.toList());
            Optional<EngagementGrade> g = EngagementGrade.fromKey(text.get().strip());
            if (g.isPresent()) {
                grade = g.get();
            } else {
                s.problems().add(s.path("minGrade"), Render.text(text.get()),
                        "must be one of " + String.join(", ", keys) + didYouMean(text.get(), keys));
            }
        }
        s.finish();
        return new ScoringConfig.Engagement(grade);
    }

    private static ScoringConfig.Sponsorship sponsorship(Section s) {
        ScoringConfig.Sponsorship sp = new ScoringConfig.Sponsorship(
                s.number("maxShare", Defaults.SPONSORED_MAX_SHARE, 0, 1),
                s.integer("maxDistinctBrands", Defaults.SPONSORED_MAX_DISTINCT_BRANDS, 0, Integer.MAX_VALUE));
        s.finish();
        return sp;
    }

    private static ScoringConfig.Authenticity authenticity(Section s) {
        ScoringConfig.Authenticity a = new ScoringConfig.Authenticity(
                s.number("minAudienceRealPct", Defaults.AUDIENCE_MIN_REAL_PCT, 0, 100));
        s.finish();
        return a;
    }

    private static ScoringConfig.Weights weights(Section s) {
        ScoringConfig.Weights d = Defaults.WEIGHTS;
        ScoringConfig.Weights w = new ScoringConfig.Weights(
                s.number("engagement", d.engagement(), 0, Double.MAX_VALUE),
                s.number("niche", d.niche(), 0, Double.MAX_VALUE),
                s.number("sponsorship", d.sponsorship(), 0, Double.MAX_VALUE),
                s.number("authenticity", d.authenticity(), 0, Double.MAX_VALUE));
        if (!(w.sum() > 0)) {
            s.problems().at(s.path(), "must not all be 0");
            w = d;
        }
        s.finish();
        return w;
    }

    /** {@code platform -> tier -> {min, max}} in US dollars; only the entries given replace the shipped prices. */
    private static Map<Platform, Map<PricingTier, PriceRange>> pricing(Section s) {
        Map<Platform, Map<PricingTier, PriceRange>> out = new EnumMap<>(Platform.class);
        List<String> platformKeys = Arrays.stream(Platform.values()).map(Platform::key).collect(Collectors.toList());
        List<String> tierKeys = Arrays.stream(PricingTier.values()).map(PricingTier::key).collect(Collectors.toList());
        for (String pk : s.keys()) {
            Optional<Platform> platform = platformKeys.contains(pk) ? Optional.of(Platform.fromKey(pk)) : Optional.empty();
            if (platform.isEmpty()) {
                s.problems().at(s.path(Render.clean(pk)), "unknown platform" + Suggestions.hint(pk, platformKeys));
                continue;
            }
            Section tiers = s.section(pk);
            Map<PricingTier, PriceRange> byTier = new EnumMap<>(PricingTier.class);
            for (String tk : tiers.keys()) {
                Optional<PricingTier> tier = PricingTier.fromKey(tk).filter(t -> t.key().equals(tk));
                if (tier.isEmpty()) {
                    tiers.problems().at(tiers.path(Render.clean(tk)), "unknown tier" + Suggestions.hint(tk, tierKeys));
                    continue;
                }
                Section range = tiers.section(tk);
                int before = range.problems().count();
                double min = range.number("min", 0, 0, Double.MAX_VALUE);
                double max = range.number("max", 0, 0, Double.MAX_VALUE);
                if (range.raw("min").isEmpty() || range.raw("max").isEmpty()) {
                    range.problems().at(range.path(range.raw("min").isEmpty() ? "min" : "max"),
                            "is required: a price range needs both min and max (US dollars per post)");
                } else if (max < min) {
                    range.problems().add(range.path("max"), Numbers.format(max),
                            "must be >= " + range.path("min") + " (" + Numbers.format(min) + ")");
                }
                range.finish();
                if (range.problems().count() == before) {
                    byTier.put(tier.get(), new PriceRange(min, max));
                }
            }
            out.put(platform.get(), byTier);
        }
        return out;
    }

    private static String didYouMean(String input, List<String> keys) {
        return Suggestions.closest(input, keys).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }
}
