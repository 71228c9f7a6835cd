package dev.scout.scorer.internal.contact;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written business-word check must agree with the regex it replaced, on every slice. */
class BusinessWordTest {

    private static final Pattern BUSINESS = Pattern.compile(
            "(business|contact|collab|inquir|enquir|booking|\\bpr\\b|press|partnership|work with me|mail)",
            Pattern.CASE_INSENSITIVE);
    private static final String[] PIECES = {"Business", "CONTACT", "collab", "Inquiries", "enquire", "booking", "PR",
            "pr", "Pr.", "pro", "apr", "_pr", "pr_", "pr1", "press", "Partnership", "work with me", "WORK WITH ME",
            "mail", "e-mail", "gmail", " ", ":", "|", "@", "a", "é", "K", "\u212A", "ſ", "🌱", "x", "1", "\n"};

    @Test
    void agreesWithTheBusinessRegexOnRandomSlices() {
        SplittableRandom r = new SplittableRandom(11);
        int positives = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 10); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            int from = text.isEmpty() ? 0 : r.nextInt(0, text.length());
            int to = from + r.nextInt(0, text.length() - from + 1);
            boolean expected = BUSINESS.matcher(text.substring(from, to)).find();
            assertThat(ContactExtractor.nearBusinessWord(text, from, to)).as("'%s'[%d, %d)", text, from, to)
                    .isEqualTo(expected);
            positives += expected ? 1 : 0;
        }
        assertThat(positives).isGreaterThan(1_000);
    }
}
