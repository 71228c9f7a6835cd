package dev.scout.scorer.authenticity;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy of the account classifier on a labelled SYNTHETIC set generated here (no public Mastodon fake-account
 * corpus exists; Cresci's Twitter data cannot be shipped). The generator encodes our assumptions about real and
 * bought accounts, with deliberate overlap (lurkers with few followers and posts, fakes with bios and avatars), so
 * the figure measures consistency with those assumptions, not real-world accuracy.
 */
class ClassifierAccuracyTest {

    private static AccountFeatures real(SplittableRandom r) {
        long age = r.nextInt(40) == 0 ? r.nextLong(1, 30) : r.nextLong(30, 3_000);
        return new AccountFeatures(OptionalLong.of(logNormal(r, 150, 1.4)), OptionalLong.of(logNormal(r, 200, 1.0)),
                OptionalLong.of(logNormal(r, 300, 1.6)), r.nextDouble() < 0.25, r.nextDouble() < 0.10,
                r.nextDouble() < 0.10 ? 4 : r.nextInt(3), OptionalLong.of(age), false);
    }

    private static AccountFeatures fake(SplittableRandom r) {
        return new AccountFeatures(OptionalLong.of(logNormal(r, 10, 1.3)), OptionalLong.of(logNormal(r, 600, 0.9)),
                OptionalLong.of(logNormal(r, 4, 1.6)), r.nextDouble() < 0.65, r.nextDouble() < 0.55,
                r.nextDouble() < 0.45 ? 4 + r.nextInt(4) : r.nextInt(3), OptionalLong.of(r.nextLong(1, 500)),
                r.nextDouble() < 0.02);
    }

    private static long logNormal(SplittableRandom r, double median, double sigma) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
        return Math.max(0, Math.round(median * Math.exp(sigma * gaussian)));
    }

    @Test
    void classifierSeparatesTheSyntheticLabelledSet() {
        AccountClassifier classifier = new AccountClassifier(0.5);
        SplittableRandom r = new SplittableRandom(20151109);
        int n = 5_000;
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < n; i++) {
            boolean isFake = i % 2 == 0;
            boolean said = classifier.isSuspicious(isFake ? fake(r) : real(r));
            if (isFake && said) {
                tp++;
            } else if (isFake) {
                fn++;
            } else if (said) {
                fp++;
            } else {
                tn++;
            }
        }
        double accuracy = (double) (tp + tn) / n;
        double precision = (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        double mcc = ((double) tp * tn - (double) fp * fn)
                / Math.sqrt((double) (tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        System.out.printf(Locale.ROOT, "account classifier on %d synthetic accounts (balanced): accuracy %.3f,"
                + " precision %.3f, recall %.3f, MCC %.3f%n", n, accuracy, precision, recall, mcc);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.90);
        assertThat(mcc).isGreaterThanOrEqualTo(0.80);
    }
}
