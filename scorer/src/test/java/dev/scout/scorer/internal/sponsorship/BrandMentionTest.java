package dev.scout.scorer.internal.sponsorship;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Brands#fromMention} reads the name from the mention in place; it must equal cutting it with substrings. */
class BrandMentionTest {

    private static final String[] PIECES = {"@", "@", ".", "did:", "DID:", "oatly", "Spice-Co", "x", "bsky", "social",
            "é", "İ", "🌱", "_", "42", " ", ""};

    @Test
    void readsTheSameBrandAsCuttingTheMentionWithSubstrings() {
        SplittableRandom r = new SplittableRandom(9);
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 7); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String mention = sb.toString();
            assertThat(Brands.fromMention(mention)).as("'%s'", mention).isEqualTo(bySubstrings(mention));
        }
    }

    /** The former implementation. */
    private static String bySubstrings(String mention) {
        String m = mention.startsWith("@") ? mention.substring(1) : mention;
        if (m.regionMatches(true, 0, "did:", 0, 4)) {
            return "";
        }
        int at = m.indexOf('@');
        if (at > 0) {
            m = m.substring(0, at);
        }
        int dot = m.indexOf('.');
        if (dot > 0) {
            m = m.substring(0, dot);
        }
        return Brands.key(m);
    }
}
