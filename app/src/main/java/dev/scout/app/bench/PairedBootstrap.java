package dev.scout.app.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How sure a held-out MCC is: a paired percentile bootstrap over the held-out accounts (Efron and Tibshirani 1993,
 * ch. 13). Each draw resamples the accounts with replacement and scores the model and the baseline on the same
 * draw, so the interval of their difference accounts for both being measured on one small sample. With a few dozen
 * fakes in a held-out part, a difference of a few hundredths is well inside the noise; this says how far.
 * Deterministic: the seed is fixed.
 */
final class PairedBootstrap {

    /** A 95 % percentile interval. */
    record Interval(double low, double high) {
        boolean contains(double v) {
            return low <= v && v <= high;
        }
    }

    /** The intervals of one held-out part: the model's MCC, and the model's MCC minus the baseline's. */
    record Result(Interval model, Interval modelMinusBaseline) {
    }

    static final int DRAWS = 2000;
    private static final long SEED = 13;

    private PairedBootstrap() {
    }

    /**
     * @param fake     the label of each held-out account
     * @param model    the model's verdict on each (suspicious = true)
     * @param baseline the baseline's verdict on each
     */
    static Result of(boolean[] fake, boolean[] model, boolean[] baseline) {
        int n = fake.length;
        if (model.length != n || baseline.length != n) {
            throw new IllegalArgumentException("labels and verdicts differ in length: " + n + ", " + model.length
                    + ", " + baseline.length);
        }
        if (n == 0) {
            return new Result(new Interval(0, 0), new Interval(0, 0));
        }
        SplittableRandom random = new SplittableRandom(SEED);
        double[] mcc = new double[DRAWS];
        double[] diff = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            ClassifierBenchmark.Confusion m = ClassifierBenchmark.Confusion.EMPTY;
            ClassifierBenchmark.Confusion b = ClassifierBenchmark.Confusion.EMPTY;
            for (int k = 0; k < n; k++) {
                int i = random.nextInt(n);
                m = m.add(fake[i], model[i]);
                b = b.add(fake[i], baseline[i]);
            }
            mcc[d] = m.mcc();
            diff[d] = mcc[d] - b.mcc();
        }
        return new Result(percentiles(mcc), percentiles(diff));
    }

    /** Sorts {@code sorted} in place and reads its 2.5th and 97.5th percentiles. */
    private static Interval percentiles(double[] sorted) {
        Arrays.sort(sorted);
        return new Interval(sorted[(int) Math.floor(0.025 * (sorted.length - 1))],
                sorted[(int) Math.ceil(0.975 * (sorted.length - 1))]);
    }
}
