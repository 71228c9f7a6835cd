package dev.scout.scorer.authenticity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LogisticFitTest {

    @Test
    void recoversTheWeightsOfTheModelThatGeneratedTheLabels() {
        double[] truth = {-0.8, 0.5, 0.3, 1.2, 2.0, 1.5, 0.7, -0.4, 0.9};
        SplittableRandom r = new SplittableRandom(3);
        List<LogisticFit.Row> rows = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            double[] x = new double[ClassifierModel.SIZE];
            double z = 0.2;
            for (int j = 0; j < x.length; j++) {
                x[j] = r.nextGaussian();
                z += truth[j] * x[j];
            }
            rows.add(new LogisticFit.Row(x, r.nextDouble() < 1 / (1 + Math.exp(-z)), 1.0));
        }
        ClassifierModel m = new LogisticFit(0).fit(rows, "synthetic");
        for (int j = 0; j < truth.length; j++) {
            assertThat(m.weights()[j]).as("weight %d", j).isCloseTo(truth[j], within(0.08));
        }
    }

    @Test
    void anUnknownInputCountsAsTheMeanSoItAddsNothing() {
        List<LogisticFit.Row> rows = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 2_000; i++) {
            double[] x = new double[ClassifierModel.SIZE];
            for (int j = 0; j < x.length; j++) {
                x[j] = j == 0 && i % 3 == 0 ? Double.NaN : r.nextDouble() * 4;
            }
            rows.add(new LogisticFit.Row(x, x[1] > 2, 1.0));
        }
        ClassifierModel m = new LogisticFit(1).fit(rows, "synthetic");
        assertThat(m.contribution(0, Double.NaN)).isZero();
        assertThat(m.contribution(0, m.means()[0])).isZero();
        assertThat(m.weights()[1]).isGreaterThan(1);
    }

    @Test
    void aLeftOutFeatureGetsWeightAndMeanZeroEvenWhenItPredictsTheLabel() {
        List<LogisticFit.Row> rows = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 1_000; i++) {
            double[] x = new double[ClassifierModel.SIZE];
            for (int j = 0; j < x.length; j++) {
                x[j] = r.nextDouble() * 4;
            }
            rows.add(new LogisticFit.Row(x, x[ClassifierModel.Feature.BASELINE_RULE.ordinal()] > 2, 1.0));
        }
        ClassifierModel m = new LogisticFit(0).fit(rows, "synthetic",
                java.util.Set.of(ClassifierModel.Feature.BASELINE_RULE));
        assertThat(m.weights()[ClassifierModel.Feature.BASELINE_RULE.ordinal()]).isZero();
        assertThat(m.means()[ClassifierModel.Feature.BASELINE_RULE.ordinal()]).isZero();
        assertThat(new LogisticFit(0).fit(rows, "synthetic").weights()[ClassifierModel.Feature.BASELINE_RULE.ordinal()])
                .isGreaterThan(1);
    }

    @Test
    void solvesASmallLinearSystem() {
        double[] x = LogisticFit.solve(new double[][]{{4, 1}, {1, 3}}, new double[]{1, 2});
        assertThat(x[0]).isCloseTo(1.0 / 11, within(1e-12));
        assertThat(x[1]).isCloseTo(7.0 / 11, within(1e-12));
    }
}
