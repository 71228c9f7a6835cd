package dev.scout.scorer.contact;

import dev.scout.scorer.text.TextFolding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a public business email in a bio, including the common obfuscations "name [at] domain [dot] com" and
 * "name (at) domain (dot) com". A fediverse handle ({@code @user@host}) is not an email. When several addresses
 * appear, one next to a business word (business, contact, collab, inquiries, booking, pr, press) wins.
 *
 * <p>Addresses are found by a linear scan around each {@code @}, not by a regex: a regex with a repeated domain
 * label group recurses once per label and overflowed the stack on a hostile bio of a few thousand "a." pairs.
 * Pure and thread-safe.
 */
public final class ContactExtractor {

    private static final Pattern OBFUSCATED_AT = Pattern.compile("\\s*[\\[(]\\s*at\\s*[\\])]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern OBFUSCATED_DOT = Pattern.compile("\\s*[\\[(]\\s*dot\\s*[\\])]\\s*", Pattern.CASE_INSENSITIVE);
    /**
     * Words that mark an address as the business one, the literal part of
     * {@code (business|contact|collab|inquir|enquir|booking|\bpr\b|press|partnership|work with me|mail)} ignoring
     * case; {@link #nearBusinessWord} also knows "pr".
     */
    private static final String[] BUSINESS_WORDS = {"business", "contact", "collab", "inquir", "enquir", "booking",
            "press", "partnership", "work with me", "mail"};
    /** First letters, either case, of the business words and "pr". */
    private static final boolean[] BUSINESS_FIRST = new boolean[128];

    static {
        for (String w : BUSINESS_WORDS) {
            BUSINESS_FIRST[w.charAt(0)] = true;
            BUSINESS_FIRST[Character.toUpperCase(w.charAt(0))] = true;
        }
        BUSINESS_FIRST['p'] = true;
        BUSINESS_FIRST['P'] = true;
    }

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    public Optional<String> find(String bio) {
        if (bio == null || bio.isBlank() || (bio.indexOf('@') < 0 && !bio.toLowerCase(Locale.ROOT).contains("at"))) {
            return Optional.empty();
        }
        String folded = TextFolding.fold(bio);
        // Both obfuscations need a bracket: without one the replacements would return the text unchanged.
        String text = folded.indexOf('[') < 0 && folded.indexOf('(') < 0 ? folded
                : OBFUSCATED_DOT.matcher(OBFUSCATED_AT.matcher(folded).replaceAll("@")).replaceAll(".");
        String first = null;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int start = at;
            while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--; // a sentence full stop after the address
            }
            boolean handle = start > 0 && text.charAt(start - 1) == '@'; // @user@host
            boolean glued = (start > 0 && isLocalChar(text.charAt(start - 1)))
                    || (end < text.length() && (text.charAt(end) == '@' || Character.isLetterOrDigit(text.charAt(end))));
            if (handle || glued || start == at || !validLocal(text, start, at) || !validDomain(text, at + 1, end)) {
                continue;
            }
            String email = text.substring(start, at) + "@" + text.substring(at + 1, end).toLowerCase(Locale.ROOT);
            if (first == null) {
                first = email;
            }
            if (nearBusinessWord(text, Math.max(0, start - 40), start)) {
                return Optional.of(email);
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Whether {@code text[from, to)} holds a business word, exactly as {@code BUSINESS.matcher(text.substring(from,
     * to)).find()} would say (ASCII-only case folding, {@code \b} at the ends of the slice), without running the
     * regex, which was a fifth of the cost of a bio. The text is folded, so it has no combining marks, which
     * {@code \b} would also count as word characters.
     */
    static boolean nearBusinessWord(String text, int from, int to) {
        for (int p = from; p < to; p++) {
            char first = text.charAt(p);
            if (first >= 128 || !BUSINESS_FIRST[first]) {
                continue; // no business word (nor "pr") starts with this character: most positions end here
            }
            for (String w : BUSINESS_WORDS) {
                if (asciiIgnoreCaseAt(text, p, to, w)) {
                    return true;
                }
            }
            if (asciiIgnoreCaseAt(text, p, to, "pr") && (p == from || !isWord(Character.codePointBefore(text, p)))
                    && (p + 2 == to || !isWord(Character.codePointAt(text, p + 2)))) {
                return true;
            }
        }
        return false;
    }

    /** @param lower a lower-case ASCII word */
    private static boolean asciiIgnoreCaseAt(String text, int at, int to, String lower) {
        if (at + lower.length() > to) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = text.charAt(at + k);
            if (c != lower.charAt(k) && !(c >= 'A' && c <= 'Z' && c + 32 == lower.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWord(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    private static boolean isLocalChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '-';
    }

    private static boolean validLocal(String s, int from, int to) {
        return Character.isLetterOrDigit(s.charAt(from)) && !s.substring(from, to).contains("..");
    }

    /** Labels of letters, digits and inner hyphens, at least two, the last alphabetic and 2–24 long. */
    private static boolean validDomain(String s, int from, int to) {
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
