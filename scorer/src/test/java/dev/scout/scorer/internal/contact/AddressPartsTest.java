package dev.scout.scorer.internal.contact;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-place checks of an address's parts must agree with the substring-and-split checks they replaced. */
class AddressPartsTest {

    private static final String[] PIECES = {"a", "Z", "9", "-", ".", "..", "co", "example", "x-y", "-.", ".-", "ü",
            "abcdefghijklmnopqrstuvwxyz", "0123456789012345678901234567890123456789012345678901234567890123", "_", "+"};

    @Test
    void domainAndLocalPartChecksAgreeWithSplittingTheSubstring() {
        SplittableRandom r = new SplittableRandom(12);
        int validDomains = 0;
        for (int round = 0; round < 50_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(1, 9); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
                if (r.nextBoolean()) {
                    sb.append('.'); // mostly dotted, so that many slices are plausible domains
                }
            }
            String s = sb.toString();
            int from = r.nextInt(0, s.length());
            int to = r.nextBoolean() ? s.length() : r.nextInt(from + 1, s.length() + 1);
            boolean domain = bySplitting(s, from, to);
            assertThat(ContactExtractor.validDomain(s, from, to)).as("domain '%s'[%d, %d)", s, from, to)
                    .isEqualTo(domain);
            assertThat(ContactExtractor.validLocal(s, from, to)).as("local '%s'[%d, %d)", s, from, to)
                    .isEqualTo(Character.isLetterOrDigit(s.charAt(from)) && !s.substring(from, to).contains(".."));
            validDomains += domain ? 1 : 0;
        }
        assertThat(validDomains).isGreaterThan(500);
    }

    @Test
    void addressIsTheLocalPartAsWrittenAndTheDomainInLowerCase() {
        SplittableRandom r = new SplittableRandom(15);
        String local = "aZ09._%+-";
        String domain = "aZ09.-QxYb";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "Business 🌱 " : "");
            int start = sb.length();
            for (int k = r.nextInt(1, 12); k > 0; k--) {
                sb.append(local.charAt(r.nextInt(local.length())));
            }
            int at = sb.length();
            sb.append('@');
            for (int k = r.nextInt(1, 20); k > 0; k--) {
                sb.append(domain.charAt(r.nextInt(domain.length())));
            }
            int end = sb.length();
            sb.append(r.nextBoolean() ? "" : " more 🌱");
            String text = sb.toString();
            assertThat(ContactExtractor.email(text, start, at, end)).isEqualTo(text.substring(start, at) + "@"
                    + text.substring(at + 1, end).toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** The domain check as first written. */
    private static boolean bySplitting(String s, int from, int to) {
        if (to - from < 4) {
            return false;
        }
        String[] labels = s.substring(from, to).split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && tld.length() <= 24 && tld.chars().allMatch(Character::isLetter);
    }
}
