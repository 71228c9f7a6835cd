package dev.scout.scorer.authenticity;

import dev.scout.scorer.text.Figures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier's weights are computed once; this checks them, the order of the sum and every reason against the
 * rules as first written (each weight's logarithm taken on every call), on random accounts.
 */
class AccountClassifierWeightsTest {

    @Test
    void precomputedWeightsGiveTheSameProbabilityAndReasonsAsTheRulesComputedPerCall() {
        AccountClassifier classifier = new AccountClassifier(0.5);
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            AccountFeatures f = new AccountFeatures(maybe(r, r.nextLong(0, 200)), maybe(r, r.nextLong(0, 12_000)),
                    maybe(r, r.nextLong(0, 120)), r.nextBoolean(), r.nextBoolean(), r.nextInt(0, 8),
                    maybe(r, r.nextLong(0, 60)), r.nextInt(20) == 0);
            List<String> reasons = new ArrayList<>();
            double expected = 1 / (1 + Math.exp(-logOdds(f, reasons)));
            assertThat(classifier.probability(f)).as("%s", f).isEqualTo(expected);
            AccountClassifier.Verdict v = classifier.classify(f);
            assertThat(v.probability()).isEqualTo(expected);
            assertThat(v.reasons().subList(0, reasons.size())).isEqualTo(reasons);
        }
    }

    private static OptionalLong maybe(SplittableRandom r, long v) {
        return r.nextInt(5) == 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    // The rules as first written (see AccountClassifier's class comment for the figures).
    private static double logOdds(AccountFeatures f, List<String> reasons) {
        double z = 0;
        if (f.followers().isPresent()) {
            long followers = f.followers().getAsLong();
            z += rule(followers < 30, 0.950, 0.834, "fewer than 30 followers (" + followers + ")", reasons);
            if (f.following().isPresent()) {
                long following = f.following().getAsLong();
                if (followers >= 30) {
                    z += solvedRule(following > 2 * followers, 0.998, 0.556,
                            "follows more than twice as many accounts as follow it (" + following + " vs "
                                    + followers + ")", reasons);
                }
                z += rule(following >= 50 * Math.max(followers, 1), 0.162, 0.997,
                        "follows at least 50 times as many accounts as follow it", reasons);
            }
        }
        if (f.posts().isPresent()) {
            z += rule(f.posts().getAsLong() < 50, 0.811, 0.909, "fewer than 50 posts (" + f.posts().getAsLong() + ")",
                    reasons);
        }
        z += solvedRule(f.bioEmpty(), 0.315, 0.073, "empty bio", reasons);
        z += prior(f.noAvatar(), 0.5, "default avatar", reasons);
        z += prior(f.usernameDigits() >= 4, 0.7, "user name with " + f.usernameDigits() + " digits", reasons);
        z += prior(f.ageDays().isPresent() && f.ageDays().getAsLong() < 30, 0.7, "account younger than 30 days",
                reasons);
        z += prior(f.bot(), 10.0, "the platform marks it as a bot", reasons);
        return z;
    }

    private static double rule(boolean fires, double recall, double precision, String what, List<String> reasons) {
        return solvedRule(fires, recall, recall * (1 - precision) / precision, what, reasons);
    }

    private static double solvedRule(boolean fires, double recall, double fpr, String what, List<String> reasons) {
        double w = fires ? Math.log(recall / fpr) : Math.log((1 - recall) / (1 - fpr));
        w = Math.max(-3.0, Math.min(3.0, w));
        if (fires) {
            reasons.add(what + ": " + (w >= 0 ? "+" : "") + Figures.fixed(w, 2));
        }
        return w;
    }

    private static double prior(boolean fires, double weight, String what, List<String> reasons) {
        if (fires) {
            reasons.add(what + ": " + (weight >= 0 ? "+" : "") + Figures.fixed(weight, 2));
        }
        return fires ? weight : 0;
    }
}
