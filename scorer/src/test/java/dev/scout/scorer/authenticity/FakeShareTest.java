package dev.scout.scorer.authenticity;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FakeShareTest {

    private static double[] repeat(double p, int n) {
        double[] a = new double[n];
        Arrays.fill(a, p);
        return a;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void confidentVerdictsGiveTheirShare() {
        double[] sample = concat(repeat(0.99, 20), repeat(0.02, 60));
        assertThat(FakeShare.estimate(sample)).isCloseTo(0.25, within(0.04));
    }

    @Test
    void unsureRealAccountsDoNotEachCountAsAWholeFake() {
        // 20 of 80 over the cut, but only just: a count would say 25% fake; the likelihood says far fewer.
        double[] sample = concat(repeat(0.6, 20), repeat(0.3, 60));
        assertThat(FakeShare.estimate(sample)).isLessThan(0.12);
    }

    @Test
    void recoversTheShareOfASampleDrawnFromCalibratedProbabilities() {
        // Fakes and real accounts drawn from two overlapping score distributions calibrated to an even prior.
        SplittableRandom rng = new SplittableRandom(7);
        double[] sample = new double[2_000];
        int fakes = 0;
        for (int i = 0; i < sample.length; i++) {
            boolean fake = rng.nextDouble() < 0.15;
            fakes += fake ? 1 : 0;
            double z = rng.nextGaussian() + (fake ? 1.5 : -1.5); // log-odds: N(±1.5, 1) gives p calibrated at 50/50
            double logOdds = 3 * z; // the log-likelihood ratio of N(1.5,1) vs N(-1.5,1) at z
            sample[i] = 1 / (1 + Math.exp(-logOdds));
        }
        assertThat(FakeShare.estimate(sample)).isCloseTo((double) fakes / sample.length, within(0.02));
    }

    @Test
    void emptySampleHasNoFakes() {
        assertThat(FakeShare.estimate(new double[0])).isZero();
    }

    @Test
    void staysOffZeroAndOneButFollowsConfidentSamples() {
        assertThat(FakeShare.estimate(repeat(1.0, 40))).isGreaterThan(0.95).isLessThan(1.0);
        assertThat(FakeShare.estimate(repeat(0.0, 40))).isLessThan(0.05).isGreaterThan(0.0);
    }

    @Test
    void aFewConfidentFakesAmongWeaklyRealAccountsDoNotMakeTheWholeSampleFake() {
        // 12 confident fakes, 8 accounts the classifier leans real on: the maximum-likelihood share would be 100%.
        double[] sample = concat(repeat(0.99, 12), repeat(0.4, 8));
        assertThat(FakeShare.estimate(sample)).isBetween(0.6, 0.97);
    }
}
