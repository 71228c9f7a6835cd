package dev.scout.scorer.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class StemmerTest {

    @ParameterizedTest
    @CsvSource({"recipes,recipe", "berries,berry", "ties,tie", "dishes,dish", "peaches,peach", "glasses,glass",
            "glass,glass", "hummus,hummus", "basis,basis", "tomatoes,tomato", "boxes,box", "quizzes,quizz",
            "leaves,leave", "bus,bus", "yes,yes", "oats,oat", "vegan,vegan", "ss,ss"})
    void stemsPluralsAndLeavesOtherWords(String word, String stem) {
        assertThat(Stemmer.stem(word)).isEqualTo(stem);
        char[] w = ("x" + word + "y").toCharArray();
        int end = Stemmer.stemInPlace(w, 1, 1 + word.length());
        assertThat(new String(w, 1, end - 1)).isEqualTo(stem);
    }

    @Test
    void stemmingFollowsTheSuffixRulesAsWrittenOnRandomWords() {
        SplittableRandom r = new SplittableRandom(3);
        String letters = "seiuoxzchay"; // the letters the suffix tests look at, and a few others
        for (int t = 0; t < 100_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(1, 9); k > 0; k--) {
                sb.append(letters.charAt(r.nextInt(letters.length())));
            }
            String word = sb.toString();
            char[] w = word.toCharArray();
            int end = Stemmer.stemInPlace(w, 0, w.length);
            assertThat(new String(w, 0, end)).as(word).isEqualTo(rules(word));
            assertThat(Stemmer.stem(word)).as(word).isEqualTo(rules(word));
        }
    }

    /** The rules as first written, suffix by suffix in order: the reference the character tests must agree with. */
    private static String rules(String word) {
        int n = word.length();
        if (n <= 3 || !word.endsWith("s")) {
            return word;
        }
        if (word.endsWith("ies") && n > 4) {
            return word.substring(0, n - 3) + "y";
        }
        if (word.endsWith("sses")) {
            return word.substring(0, n - 2);
        }
        if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("oes") || word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
                || word.endsWith("zes")) {
            return word.substring(0, n - 2);
        }
        return word.substring(0, n - 1);
    }
}
