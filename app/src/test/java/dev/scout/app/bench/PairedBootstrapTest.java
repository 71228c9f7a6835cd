package dev.scout.app.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PairedBootstrapTest {

    /** n accounts, the first {@code fakes} fake; the model errs on {@code modelMisses} fakes, the baseline on more. */
    private static PairedBootstrap.Result sample(int n, int fakes, int modelMisses, int baselineMisses) {
        boolean[] fake = new boolean[n];
        boolean[] model = new boolean[n];
        boolean[] base = new boolean[n];
        for (int i = 0; i < fakes; i++) {
            fake[i] = true;
            model[i] = i >= modelMisses;
            base[i] = i >= baselineMisses;
        }
        return PairedBootstrap.of(fake, model, base);
    }

    @Test
    void aSmallGapOnFewFakesIsInsideTheNoise() {
        // 28 fakes in 281 accounts, as SRF's held-out part: one more fake caught is no evidence of anything.
        PairedBootstrap.Result r = sample(281, 28, 4, 5);
        assertThat(r.modelMinusBaseline().contains(0)).isTrue();
        assertThat(r.model().high() - r.model().low()).isGreaterThan(0.05);
    }

    @Test
    void aLargeGapOnManyFakesIsNot() {
        PairedBootstrap.Result r = sample(2000, 1000, 50, 600);
        assertThat(r.modelMinusBaseline().low()).isGreaterThan(0.3);
        assertThat(r.model().contains(new ClassifierBenchmark.Confusion(950, 0, 1000, 50).mcc())).isTrue();
    }

    @Test
    void aModelEqualToTheBaselineHasAZeroWidthGap() {
        PairedBootstrap.Result r = sample(100, 30, 3, 3);
        assertThat(r.modelMinusBaseline()).isEqualTo(new PairedBootstrap.Interval(0, 0));
    }

    @Test
    void theSameInputGivesTheSameIntervals() {
        assertThat(sample(300, 40, 10, 14)).isEqualTo(sample(300, 40, 10, 14));
    }

    @Test
    void verdictsThatDoNotMatchTheLabelsInLengthAreRefused() {
        assertThatThrownBy(() -> PairedBootstrap.of(new boolean[3], new boolean[2], new boolean[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }
}
