package dev.scout.app.bench;

import dev.scout.app.UsageException;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.authenticity.AccountFeatures;
import dev.scout.scorer.authenticity.ClassifierModel;
import dev.scout.scorer.authenticity.ClassifierModels;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassifierBenchmarkTest {

    /** Where {@code scripts/datasets/convert.py} wrote the labelled sets; the real-data test skips without it. */
    private static final String DATA = "SCOUT_CLASSIFIER_DATA";

    private static AccountFeatures features(Long followers, Long following, Long posts, String bio) {
        Account.Builder b = Account.builder(new ProfileRef(Platform.INSTAGRAM, "ana")).bio(bio);
        if (followers != null) {
            b.followers(followers);
        }
        if (following != null) {
            b.following(following);
        }
        if (posts != null) {
            b.postsCount(posts);
        }
        return AccountFeatures.of(b.build(), Instant.EPOCH);
    }

    @Test
    void theBenchsBaselineIsTheScorersTwoRuleBaseline() {
        // The cases of the rule are pinned in scorer's TwoRuleBaselineTest; here only that the bench uses it.
        assertThat(ClassifierBenchmark.baseline(features(10L, 110L, 40L, "cook"))).isTrue();
        assertThat(ClassifierBenchmark.baseline(features(200L, 300L, 0L, "cook"))).isFalse();
    }

    @Test
    void quietAccountCountsTakeOnlyGenuineAccountsByFollowerBand() {
        List<ClassifierBenchmark.Labelled> rows = List.of(
                new ClassifierBenchmark.Labelled("s", "instagram", false, false, features(10L, 40L, 3L, "")),
                new ClassifierBenchmark.Labelled("s", "instagram", true, true, features(10L, 900L, 0L, "")),
                new ClassifierBenchmark.Labelled("s", "instagram", false, false, features(500L, 300L, 80L, "cook")),
                new ClassifierBenchmark.Labelled("s", "instagram", true, false, features(5000L, 300L, 80L, "cook")),
                new ClassifierBenchmark.Labelled("s", "instagram", false, false, features(null, null, null, "")));
        ClassifierBenchmark.QuietGenuine q = AudienceFigures.quiet(rows).get(0);
        assertThat(q.under30()).isEqualTo(1);
        assertThat(q.from30()).isEqualTo(1);
        assertThat(q.from30Flagged()).isZero();
    }

    @Test
    void mccOfKnownConfusionCounts() {
        ClassifierBenchmark.Confusion c = new ClassifierBenchmark.Confusion(40, 10, 45, 5);
        double expected = (40.0 * 45 - 10.0 * 5) / Math.sqrt(50.0 * 45 * 55 * 50);
        assertThat(c.mcc()).isCloseTo(expected, within(1e-12));
        assertThat(ClassifierBenchmark.Confusion.EMPTY.add(true, true).add(false, false).mcc()).isEqualTo(1.0);
    }

    @Test
    void aLabelThatNamesNoProfileIsAnErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tiny.jsonl"), "{\"id\":\"instagram:ana\",\"followers\":10}\n");
        Files.writeString(dir.resolve("tiny.labels.tsv"), "instagram:ana\tgenuine\ttrain\ninstagram:bob\tfake\ttest\n");
        assertThatThrownBy(() -> ClassifierBenchmark.load(dir)).isInstanceOf(UsageException.class)
                .hasMessageContaining("tiny.labels.tsv").hasMessageContaining("instagram:bob");
    }

    @Test
    void aFolderWithoutLabelledSetsSaysHowToMakeOne(@TempDir Path dir) {
        assertThatThrownBy(() -> ClassifierBenchmark.load(dir)).isInstanceOf(UsageException.class)
                .hasMessageContaining("scripts/datasets/convert.py");
    }

    /**
     * On the converted real sets (docs/DATASETS.md): the shipped model is never below the baseline on a held-out
     * set. Fails today on instagram-srf (BENCHMARKS.md, "Account classifier"): the target is not met.
     */
    @Test
    void onRealLabelledSetsTheShippedModelBeatsTheBaseline() throws IOException {
        ClassifierBenchmark.Result r = realRun();
        for (ClassifierBenchmark.Line l : r.lines()) {
            assertThat(l.heldOutMcc()).as(l.group()).isGreaterThanOrEqualTo(l.heldOutBaseline());
            assertThat(l.cvMcc()).as(l.group()).isGreaterThanOrEqualTo(l.cvBaseline());
        }
    }

    /** The shipped constants are what a refit on the training parts gives, so BENCHMARKS.md can be re-made. */
    @Test
    void onRealLabelledSetsTheShippedModelsEqualARefit() throws IOException {
        ClassifierBenchmark.Result r = realRun();
        assertSameConstants("pooled", r.refit().pooled(), ClassifierModels.SHIPPED.pooled());
        assertThat(r.refit().byPlatform().keySet()).isEqualTo(ClassifierModels.SHIPPED.byPlatform().keySet());
        r.refit().byPlatform().forEach((platform, refit) ->
                assertSameConstants(platform.key(), refit, ClassifierModels.SHIPPED.byPlatform().get(platform)));
    }

    private static ClassifierBenchmark.Result realRun() throws IOException {
        String dir = System.getenv(DATA);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)),
                "set " + DATA + " to a folder written by scripts/datasets/convert.py to run this test");
        ClassifierBenchmark.Result r = new ClassifierBenchmark().run(ClassifierBenchmark.load(Path.of(dir)));
        System.out.print(r.table());
        return r;
    }

    private static void assertSameConstants(String name, ClassifierModel refit, ClassifierModel shipped) {
        for (int i = 0; i < ClassifierModel.SIZE; i++) {
            assertThat(refit.weights()[i]).as("%s weight %d", name, i).isCloseTo(shipped.weights()[i], within(0.0006));
            assertThat(refit.means()[i]).as("%s mean %d", name, i).isCloseTo(shipped.means()[i], within(0.0006));
        }
        assertThat(refit.intercept()).as("%s intercept", name).isCloseTo(shipped.intercept(), within(0.0006));
    }
}
