package dev.scout.scorer.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class QuickFoldTest {

    /** Everything a caption is made of, and the characters that must send a text the long way. */
    private static final String[] PIECES = {
            "a", "Z", "7", " ", ".", "#", "@", "Vegan", "PLANT", "\n", "\r\n", "\t", "\u0007", "\u007F", "\u0085",
            "🌱", "🍲", "✨", "❤\uFE0F", "👩\u200D🍳", "\u202Ecipe\u202C", "zero\u200Bwidth", "\u00AD", "x\u0301",
            "\u0301\u0323", "\u2132", "\u2126", "\u2160", "\u00A0", "é", "İ", "Σ", "ß", "日本", "\uD835", "\uDC00",
            "𝐯", "\uFEFF", "\u20DD", "\uD83C", "\u2028", "Crème", "ÜBER", "niño", "Łódź", "Æ", "\u0132", "\u0149",
            "\u00BD", "\u00A8", "\u00B5", "\u017F", "\u01C4", "\u0250", "e\u0301", "\u0130stanbul",
    };

    @Test
    void quickPathGivesWhatFoldingAndLowerCasingGive() {
        SplittableRandom r = new SplittableRandom(7);
        char[] src = new char[512];
        char[] lower = new char[512];
        int quick = 0;
        for (int t = 0; t < 50_000; t++) {
            StringBuilder sb = new StringBuilder();
            int pieces = r.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                // Mostly the characters a quick text is made of, so that many texts take the quick path.
                sb.append(PIECES[r.nextInt(r.nextInt(4) == 0 ? PIECES.length : 30)]);
                if (r.nextInt(8) == 0) { // and every character of the Latin table, one at a time
                    sb.append((char) r.nextInt(LatinLetters.FROM, LatinLetters.TO + 1));
                }
            }
            String text = sb.toString();
            int result = QuickFold.fold(text, src, lower);
            if (result == QuickFold.NOT_QUICK) {
                continue;
            }
            quick++;
            String folded = TextFolding.fold(text);
            int n = result & QuickFold.LENGTH;
            assertThat(new String(src, 0, n)).as("folded %s", escape(text)).isEqualTo(folded);
            assertThat(new String(lower, 0, n)).as("lower %s", escape(text)).isEqualTo(folded.toLowerCase(Locale.ROOT));
            assertThat((result & QuickFold.FOLDED) != 0).as("folded flag %s", escape(text)).isEqualTo(!folded.equals(text));
            assertThat((result & QuickFold.LOWERED) != 0).as("lowered flag %s", escape(text))
                    .isEqualTo(!folded.toLowerCase(Locale.ROOT).equals(folded));
        }
        assertThat(quick).as("texts that took the quick path").isGreaterThan(10_000);
    }

    @ParameterizedTest
    @CsvSource({"\u03A3", "\uD835", "\uD835\uDC2F", "\uFB01sh", "\u0132", "\u00BD", "\u65E5\u672C"})
    void textThatTheNormaliserOrContextualLowerCasingChangesTakesTheLongWay(String text) {
        assertThat(QuickFold.fold(text, new char[16], new char[16])).isEqualTo(QuickFold.NOT_QUICK);
    }

    @Test
    void accentedLatinLettersFoldOneByOne() {
        char[] src = new char[32];
        char[] lower = new char[32];
        int r = QuickFold.fold("Crème brûlée, İstanbul, Straße", src, lower);
        assertThat(new String(src, 0, r & QuickFold.LENGTH)).isEqualTo("Creme brulee, Istanbul, Straße");
        assertThat(new String(lower, 0, r & QuickFold.LENGTH)).isEqualTo("creme brulee, istanbul, straße");
    }

    @Test
    void lineBreaksStayInPlainAsciiAndBecomeSpacesNextToAnEmoji() {
        char[] src = new char[16];
        char[] lower = new char[16];
        int plain = QuickFold.fold("A\nb", src, lower);
        assertThat(new String(lower, 0, plain & QuickFold.LENGTH)).isEqualTo("a\nb");
        assertThat(plain & QuickFold.FOLDED).isZero();
        int mixed = QuickFold.fold("A\nb🌱", src, lower);
        assertThat(new String(src, 0, mixed & QuickFold.LENGTH)).isEqualTo("A b🌱");
        assertThat(mixed & QuickFold.FOLDED).isNotZero();
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
