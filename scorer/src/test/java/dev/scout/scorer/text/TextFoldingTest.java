package dev.scout.scorer.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.Normalizer;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TextFoldingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "publicité                 | publicite",
            "Crème Brûlée              | Creme Brulee",
            "ｖｅｇａｎ ﬁsh              | vegan fish",
            "𝐯𝐞𝐠𝐚𝐧                     | vegan",
            "to\u200Bfu \u202Etem\u202Cpeh | tofu tempeh",
            "한국어 요리                | 한국어 요리",
            "plain ascii, unchanged    | plain ascii, unchanged",
    })
    void foldsCompatibilityFormsAccentsAndInvisibleCharacters(String text, String folded) {
        assertThat(TextFolding.fold(text)).isEqualTo(folded);
    }

    @Test
    void controlCharactersAndLineBreaksBecomeSpaces() {
        assertThat(TextFolding.fold("paid partnership\nwith\t@x\u0007!")).isEqualTo("paid partnership with @x !");
        assertThat(TextFolding.fold("é\r\nà")).isEqualTo("e  a");
    }

    @Test
    void resultIsInNfkcAndItsLowerCaseHasTheSameLengthOnRandomText() {
        SplittableRandom r = new SplittableRandom(11);
        String pool = "aAzZ é\u0301ÅßİIıΣσςﬁ①ｖ𝐯🌱👩\u200D🍳\u200B\u202E\n\t\u0007가각ᄀ\u1161İ\u0130ǅ٣";
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 12); k > 0; k--) {
                int at = r.nextInt(pool.length());
                sb.append(Character.isHighSurrogate(pool.charAt(at)) ? pool.substring(at, at + 2)
                        : Character.isLowSurrogate(pool.charAt(at)) ? "x" : String.valueOf(pool.charAt(at)));
            }
            String folded = TextFolding.fold(sb.toString());
            assertThat(Normalizer.isNormalized(folded, Normalizer.Form.NFKC)).as(sb.toString()).isTrue();
            assertThat(TextFolding.lower(folded)).as(sb.toString()).hasSameSizeAs(folded);
            assertThat(folded.chars().anyMatch(c -> c < 0x20)).as(sb.toString()).isFalse();
        }
    }
}
