package dev.scout.scorer.authenticity;

import dev.scout.model.ProfileSnapshot;
import dev.scout.model.Post;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.engagement.BandBenchmark;

import java.util.ArrayList;
import java.util.List;
import dev.scout.scorer.internal.text.Figures;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Authenticity as sub-signals, never one opaque number: the account classifier's verdict on the profile (plus a
 * follower growth spike, which marks bought followers, and the pod pattern of {@link ProfileSignals}), audience
 * quality from the follower sample, and the profile signals. The score component is (1 − classifier probability) × (real audience share, when sampled) × 0.5 on a
 * growth spike × 0.9 per profile concern. Thread-safe.
 */
public final class AuthenticityAnalyzer {

    private static final ScoredProfile.Signal FIRST_CRAWL = new ScoredProfile.Signal("growth-spike",
            "no earlier crawl", false, "growth unknown: first crawl");
    private static final ScoredProfile.Signal NO_SPIKE = new ScoredProfile.Signal("growth-spike", "none", false,
            "no sudden follower jump");

    private final AccountClassifier classifier;
    private final AudienceQuality audience;
    private final GrowthSpikeDetector growth = new GrowthSpikeDetector();
    private final ProfileSignals profileSignals = new ProfileSignals();

    public AuthenticityAnalyzer(AccountClassifier classifier) {
        this.classifier = classifier;
        this.audience = new AudienceQuality(classifier);
    }

    public AuthenticityResult analyze(ProfileSnapshot snapshot, List<Post> posts, OptionalDouble rate,
                                      Optional<BandBenchmark> benchmark) {
        AccountFeatures features = AccountFeatures.of(snapshot.account(), snapshot.crawledAt());
        AccountClassifier.Verdict verdict = classifier.classify(features);
        List<String> reasons = new ArrayList<>();
        reasons.add("account classifier: " + Math.round(verdict.probability() * 100) + "% suspicious"
                + (verdict.reasons().isEmpty() ? " (no rule fired)" : " (" + String.join(", ", verdict.reasons()) + ")"));
        Optional<String> spike = snapshot.account().followers().isPresent()
                ? growth.detect(snapshot.history(), snapshot.crawledAt(), snapshot.account().followers().getAsLong())
                : Optional.empty();
        spike.ifPresent(s -> reasons.add("growth spike: " + s));
        ProfileSignals.Result signals = profileSignals.read(features, posts, rate, benchmark,
                snapshot.account().platform().isVideo());
        if (signals.podPattern()) {
            reasons.add("engagement pattern of a pod or bought engagement: rate above the band's estimated 99th"
                    + " percentile with more than one reply per two likes");
        }
        // The pod pattern decides the verdict but not the score: the score must never fall as engagement rises.
        boolean suspicious = verdict.suspicious() || spike.isPresent() || signals.podPattern();
        List<ScoredProfile.Signal> profile = signals.signals();
        ScoredProfile.Signal[] all = profile.toArray(new ScoredProfile.Signal[profile.size() + 1]);
        all[profile.size()] = spike.isPresent() ? new ScoredProfile.Signal("growth-spike", spike.get(), true,
                "sudden follower jump, the usual mark of bought followers")
                : snapshot.history().isEmpty() ? FIRST_CRAWL : NO_SPIKE;

        OptionalDouble realPct = OptionalDouble.empty();
        OptionalDouble massShare = OptionalDouble.empty();
        int sampleSize = 0;
        double value = 1 - verdict.probability();
        StringBuilder why = new StringBuilder("1 - classifier ").append(Figures.fixed(verdict.probability(), 2));
        if (snapshot.followerSample().isPresent() && !snapshot.followerSample().get().isEmpty()) {
            AudienceQuality.Result a = audience.assess(snapshot.followerSample().get(), snapshot.crawledAt());
            realPct = OptionalDouble.of(a.realPct());
            massShare = OptionalDouble.of(a.massFollowerShare());
            sampleSize = a.sampleSize();
            value *= a.realPct() / 100;
            why.append(" x audience ").append(Math.round(a.realPct())).append("% real");
        }
        if (spike.isPresent()) {
            value *= 0.5;
            why.append(" x 0.5 growth spike");
        }
        for (int i = 0; i < signals.scoredConcerns(); i++) {
            value *= 0.9;
        }
        if (signals.scoredConcerns() > 0) {
            why.append(" x 0.9^").append(signals.scoredConcerns()).append(" profile concerns");
        }
        var record = new ScoredProfile.Authenticity(suspicious, reasons, realPct, massShare, sampleSize,
                List.of(all));
        return new AuthenticityResult(record, verdict.probability(), value, why.toString());
    }
}
