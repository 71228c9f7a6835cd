package dev.scout.scorer.sponsorship;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The trigger scan (with its skipping of pairs that cannot start a word) must report exactly the groups and first ends a plain search for each word gives. */
class GateScannerTest {

    private static final String[] NOISE = {" ", "a", "e", "s", "o", "t", "p", "%", "é", "🌱", "\n", "x", "co", "th",
            "sponso", "partne", "gif", "associat", "assoc"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void reportsEveryGroupWithTheEndOfItsFirstTriggerWord(long seed) {
        Map<String, Integer> needles = Lexicon.triggers();
        GateScanner scanner = new GateScanner(needles);
        List<String> words = new ArrayList<>(needles.keySet());
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 60); k > 0; k--) {
                sb.append(r.nextInt(6) == 0 ? words.get(r.nextInt(words.size())) : NOISE[r.nextInt(NOISE.length)]);
            }
            String text = sb.toString();
            int[] ends = new int[Lexicon.GROUPS];
            int mask = scanner.scan(text.toCharArray(), text.length(), ends);
            int[] expectedEnds = new int[Lexicon.GROUPS];
            int expectedMask = 0;
            for (Map.Entry<String, Integer> e : needles.entrySet()) {
                int at = text.indexOf(e.getKey());
                int g = e.getValue();
                if (at >= 0) {
                    int end = at + e.getKey().length();
                    expectedEnds[g] = (expectedMask & (1 << g)) == 0 ? end : Math.min(expectedEnds[g], end);
                    expectedMask |= 1 << g;
                }
            }
            assertThat(mask).as("groups in '%s'", text).isEqualTo(expectedMask);
            assertThat(Arrays.toString(ends)).as("first ends in '%s'", text).isEqualTo(Arrays.toString(expectedEnds));
        }
    }
}
