package dev.scout.scorer.internal.score;

import dev.scout.scorer.ScoredProfile.Gate;
import dev.scout.scorer.ScoringSettings;
import dev.scout.scorer.internal.engagement.BandBenchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The flag gates, each passed or failed with its value and threshold in plain words. Missing data fails a gate and
 * is named ("no posts: engagement unknown"), except the audience gate, which applies only when a follower sample
 * exists (team decision). Thread-safe.
 */
public final class GateEvaluator {

    /** Account labels that make a profile ineligible: it asked not to be found, or it cannot be contacted. */
    private static final Set<String> INELIGIBLE = Set.of("locked", "noindex", "moved", "suspended", "limited",
            "opted-out", "optout", "no-unauthenticated", "!no-unauthenticated", "deactivated");

    private static final Gate ELIGIBLE = new Gate("eligibility", true,
            "account is eligible (no locked, noindex, moved or suspended label)");
    private static final Gate NO_SAMPLE = new Gate("audience", true, "no follower sample: audience quality not checked");

    private final ScoringSettings settings;
    // The thresholds as they read in the reasons, written once rather than once per profile.
    private final String minFollowers;
    private final String maxFollowers;
    private final String followerRange;
    private final String minNicheShare;
    private final String maxSponsoredShare;
    private final String suspiciousCut;

    public GateEvaluator(ScoringSettings settings) {
        this.settings = settings;
        this.minFollowers = Numbers.count(settings.followersMin());
        this.maxFollowers = Numbers.count(settings.followersMax());
        this.followerRange = minFollowers + "–" + maxFollowers;
        this.minNicheShare = Numbers.share(settings.minNicheShare());
        this.maxSponsoredShare = Numbers.share(settings.maxSponsoredShare());
        this.suspiciousCut = Math.round(settings.suspiciousProbability() * 100) + "%";
    }

    /** The gates in a fixed order, as an immutable list (so the result record need not copy it). */
    public List<Gate> gates(ScoreInputs in) {
        return List.of(eligibility(in), followers(in), niche(in), engagement(in), sponsorship(in), authenticity(in),
                audience(in));
    }

    private static Gate eligibility(ScoreInputs in) {
        List<String> labels = in.account().labels();
        List<String> bad = null;
        for (int i = 0; i < labels.size(); i++) {
            if (INELIGIBLE.contains(labels.get(i).toLowerCase(Locale.ROOT))) {
                if (bad == null) {
                    bad = new ArrayList<>(labels.size());
                }
                bad.add(labels.get(i));
            }
        }
        return bad == null ? ELIGIBLE
                : new Gate("eligibility", false, "account is " + String.join(", ", bad) + ": not eligible");
    }

    private Gate followers(ScoreInputs in) {
        String range = followerRange;
        if (in.account().followers().isEmpty()) {
            return new Gate("followers", false, "followers hidden: cannot check the range " + range);
        }
        long f = in.account().followers().getAsLong();
        if (f < settings.followersMin()) {
            return new Gate("followers", false, "followers " + Numbers.count(f) + " below the minimum "
                    + minFollowers);
        }
        if (f > settings.followersMax()) {
            return new Gate("followers", false, "followers " + Numbers.count(f) + " above the maximum "
                    + maxFollowers);
        }
        return new Gate("followers", true, "followers " + Numbers.count(f) + " within " + range);
    }

    private Gate niche(ScoreInputs in) {
        var n = in.niche();
        String evidence = n.evidence().isEmpty() ? "" : " (" + String.join(", ", n.evidence().subList(0,
                Math.min(3, n.evidence().size()))) + ")";
        if (in.postsAnalyzed() == 0) {
            return new Gate("niche", false, "no posts: niche share for " + n.target() + " unknown" + evidence);
        }
        boolean ok = n.share() >= settings.minNicheShare();
        return new Gate("niche", ok, "niche share " + Numbers.share(n.share()) + " of " + in.postsAnalyzed()
                + " posts is " + (ok ? "at or above " : "below ") + minNicheShare + " for "
                + n.target() + evidence);
    }

    private Gate engagement(ScoreInputs in) {
        var e = in.engagement().engagement();
        if (in.postsAnalyzed() == 0) {
            return new Gate("engagement", false, "no posts: engagement unknown");
        }
        if (e.rate().isEmpty()) {
            return new Gate("engagement", false, "engagement unknown: " + String.join("; ", e.notes()));
        }
        if (in.engagement().benchmark().isEmpty()) {
            return new Gate("engagement", false, "engagement " + Numbers.pct(e.rate().getAsDouble())
                    + " cannot be graded: follower band unknown");
        }
        BandBenchmark b = in.engagement().benchmark().get();
        double rate = e.rate().getAsDouble();
        String needed = settings.minEngagementGrade();
        double cut = switch (needed) {
            case "average" -> b.avgLow();
            case "high" -> b.high();
            default -> b.avgHigh();
        };
        boolean ok = rate >= cut;
        return new Gate("engagement", ok, "engagement " + Numbers.pct(rate) + " is " + (ok ? "above" : "below")
                + " the " + b.band() + " band's " + needed + " cut " + Numbers.pct(cut) + " (grade " + e.grade()
                + ")" + in.engagement().likesHiddenNote().map(n -> "; " + n).orElse(""));
    }

    private Gate sponsorship(ScoreInputs in) {
        if (in.postsAnalyzed() == 0) {
            return new Gate("sponsorship", false, "no posts: brand partnerships unknown");
        }
        var s = in.sponsorship();
        int brands = s.brands().size();
        boolean shareOk = s.share() <= settings.maxSponsoredShare();
        boolean brandsOk = brands <= settings.maxBrands();
        int sponsored = s.posts().size();
        return new Gate("sponsorship", shareOk && brandsOk, "sponsored share " + Numbers.share(s.share()) + " ("
                + sponsored + " of " + in.postsAnalyzed() + " posts) " + (shareOk ? "within " : "above ")
                + maxSponsoredShare + " and " + brands + " distinct brand"
                + (brands == 1 ? "" : "s") + " " + (brandsOk ? "within " : "above ") + settings.maxBrands());
    }

    private Gate authenticity(ScoreInputs in) {
        var a = in.authenticity().authenticity();
        String p = Math.round(in.authenticity().probability() * 100) + "%";
        String cut = suspiciousCut;
        if (!a.suspicious()) {
            return new Gate("authenticity", true, "not suspicious: account classifier " + p + " below " + cut);
        }
        return new Gate("authenticity", false, "suspicious: " + String.join("; ", a.reasons()) + " (cut " + cut + ")");
    }

    private Gate audience(ScoreInputs in) {
        var a = in.authenticity().authenticity();
        if (a.audienceRealPct().isEmpty()) {
            return NO_SAMPLE;
        }
        double real = a.audienceRealPct().getAsDouble();
        boolean ok = real >= settings.minAudienceRealPct();
        return new Gate("audience", ok, "audience " + Math.round(real) + "% real " + (ok ? "at or above " : "below ")
                + Math.round(settings.minAudienceRealPct()) + "% (sample of " + a.sampleSize() + "; "
                + Math.round(a.massFollowerShare().orElse(0) * 100) + "% mass followers)");
    }
}
