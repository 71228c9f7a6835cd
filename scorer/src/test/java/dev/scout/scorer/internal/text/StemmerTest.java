package dev.scout.scorer.internal.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StemmerTest {

    @ParameterizedTest
    @CsvSource({"recipes,recipe", "berries,berry", "ties,tie", "dishes,dish", "peaches,peach", "glasses,glass",
            "glass,glass", "hummus,hummus", "basis,basis", "tomatoes,tomato", "boxes,box", "quizzes,quizz",
            "leaves,leave", "bus,bus", "yes,yes", "oats,oat", "vegan,vegan", "ss,ss"})
    void stemsPluralsAndLeavesOtherWords(String word, String stem) {
        assertThat(Stemmer.stem(word)).isEqualTo(stem);
    }

    @ParameterizedTest
    @CsvSource({"recipes,recipe", "berries,berry", "dishes,dish", "glasses,glass", "bus,bus", "ches,ch", "ss,ss"})
    void stemsAWordInsideLongerTextWhereItStandsWithoutReadingOrChangingItsNeighbours(String word, String stem) {
        String text = "xies " + word + " oes";
        char[] chars = text.toCharArray();
        int end = Stemmer.stemInPlace(chars, 5, 5 + word.length());
        assertThat(new String(chars, 5, end - 5)).isEqualTo(stem);
        assertThat(new String(chars, 0, 5) + new String(chars, 5 + word.length(), 4)).isEqualTo("xies  oes");
    }
}
