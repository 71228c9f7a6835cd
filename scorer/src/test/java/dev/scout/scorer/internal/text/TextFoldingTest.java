package dev.scout.scorer.internal.text;

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

    @Test
    void textFoldingNeverChangesIsReturnedAsItIs() {
        for (String text : new String[] {"plain ascii #vegan", "Red lentil dal 🍲 #veganfood", "веганская кухня ✨", "ıstanbul"}) {
            assertThat(TextFolding.fold(text)).isSameAs(text);
        }
    }

    @Test
    void foldEqualsDecomposeDropAndRecomposeOnRandomMixedScriptText() {
        SplittableRandom r = new SplittableRandom(17);
        String[] pool = {"a", "Z", " ", "#", "@", "é", "e\u0301", "ß", "ı", "İ", "ﬁ", "ｖ", "Ｅ", "𝐯", "🌱", "👩\u200D🍳",
                "\u200B", "\u202E", "\n", "\t", "가", "ᄀ\u1161", "ǅ", "٣", "Σ", "ö", "₂", "①", "\u0308", "\uFE0F"};
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 14); k > 0; k--) {
                sb.append(pool[r.nextInt(pool.length)]);
            }
            String text = sb.toString();
            assertThat(TextFolding.fold(text)).as(text).isEqualTo(reference(text));
        }
    }

    /** The fold as its class comment defines it, with the JDK's normaliser instead of ICU's and no shortcut. */
    private static String reference(String text) {
        StringBuilder out = new StringBuilder();
        Normalizer.normalize(text, Normalizer.Form.NFKD).codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL) {
                out.append(' ');
            } else if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK && type != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        });
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }
}
