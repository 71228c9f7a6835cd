package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.TextFolding;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BrandsTest {

    private static final String[] PIECES = {"Oatly", "oatly", "OATLY", "spice_co", "Spice-Co", "a.b", "x@y.example",
            "42", " ", "\n", "\t", "\u0007", "é", "Crème", "ｖｅｇａｎ", "İ", "ß", "🌱", "'", "&", "_", ""};

    @Test
    void keyIsTheFoldedLowerCaseLettersAndDigits() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 5); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String raw = sb.toString();
            assertThat(Brands.key(raw)).as("'%s'", raw).isEqualTo(byDefinition(raw));
        }
    }

    @Test
    void namesTheBrandOfAMention() {
        assertThat(Brands.fromMention("@Oatly@brands.example")).isEqualTo("oatly");
        assertThat(Brands.fromMention("@spice-co.bsky.social")).isEqualTo("spiceco");
        assertThat(Brands.fromMention("did:plc:abc123")).isEmpty();
    }

    private static String byDefinition(String raw) {
        StringBuilder sb = new StringBuilder();
        TextFolding.foldLower(raw).chars().filter(Character::isLetterOrDigit).forEach(c -> sb.append((char) c));
        return sb.toString();
    }
}
