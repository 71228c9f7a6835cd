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
    @Test
    void equalsTheIntegralOfTheLikelihoodOnRandomSamples() {
        // The exact posterior mean against Simpson's rule on a fine grid, which needs no algebra to be right.
        SplittableRandom rng = new SplittableRandom(11);
        for (int round = 0; round < 200; round++) {
            double[] sample = new double[1 + rng.nextInt(60)];
            for (int i = 0; i < sample.length; i++) {
                int kind = rng.nextInt(10);
                sample[i] = kind == 0 ? 0.0 : kind == 1 ? 1.0 : rng.nextDouble();
            }
            assertThat(FakeShare.estimate(sample)).as("sample %s", Arrays.toString(sample))
                    .isCloseTo(simpsonMean(sample), within(1e-9));
        }
    }

    @Test
    void aSampleOfCertainFakesGivesTheUniformPriorsRuleOfSuccession() {
        // Likelihood π^n: the posterior mean is (n + 1) / (n + 2).
        assertThat(FakeShare.estimate(repeat(1.0, 40))).isCloseTo(41.0 / 42, within(1e-12));
        assertThat(FakeShare.estimate(repeat(0.0, 3))).isCloseTo(1.0 / 5, within(1e-12));
    }

    @Test
    void largestSampleDoesNotUnderflow() {
        // 400 accounts (the largest follower sample) whose likelihood product is far below the smallest double.
        double[] even = new double[400];
        for (int i = 0; i < even.length; i++) {
            even[i] = i % 2 == 0 ? 0.01 : 0.99;
        }
        assertThat(FakeShare.estimate(even)).isCloseTo(0.5, within(1e-9));
        assertThat(FakeShare.estimate(repeat(0.5, 400))).isCloseTo(0.5, within(1e-9));
    }

    private static double simpsonMean(double[] sample) {
        int intervals = 20_000;
        double[] logL = new double[intervals + 1];
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= intervals; s++) {
            double share = (double) s / intervals;
            for (double p : sample) {
                logL[s] += Math.log(share * p + (1 - share) * (1 - p));
            }
            best = Math.max(best, logL[s]);
        }
        double mass = 0;
        double moment = 0;
        for (int s = 0; s <= intervals; s++) {
            double weight = (s == 0 || s == intervals ? 1 : s % 2 == 1 ? 4 : 2) * Math.exp(logL[s] - best);
            mass += weight;
            moment += weight * s / intervals;
        }
        return moment / mass;
    }
}
