package dev.scout.scorer.internal.contact;

import dev.scout.scorer.internal.text.TextFolding;

import java.util.Arrays;
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
    /**
     * The business words by their first letter, either case (null when neither they nor "pr" start with it), so
     * that a position is compared only with the words that can start there: "e" starts one, "c" two, most none.
     */
    private static final String[][] BUSINESS_BY_FIRST = new String[128][];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            char first = c;
            String[] words = Arrays.stream(BUSINESS_WORDS).filter(w -> w.charAt(0) == first).toArray(String[]::new);
            if (words.length > 0 || c == 'p') {
                BUSINESS_BY_FIRST[c] = words;
                BUSINESS_BY_FIRST[Character.toUpperCase(c)] = words;
            }
        }
    }

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    public Optional<String> find(String bio) {
        return find(bio, TextFolding.fold(bio));
    }

    /** As {@link #find(String)}, given {@code bio} already folded ({@link TextFolding#fold}) for the niche terms. */
    public Optional<String> find(String bio, String folded) {
        if (bio == null || bio.isBlank() || (bio.indexOf('@') < 0 && !bio.toLowerCase(Locale.ROOT).contains("at"))) {
            return Optional.empty();
        }
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
            String email = email(text, start, at, end);
            if (first == null) {
                first = email;
            }
            // The only address of the bio wins whether or not a business word stands next to it.
            boolean only = first == email && text.indexOf('@', end) < 0;
            if (only || nearBusinessWord(text, Math.max(0, start - 40), start)) {
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
        // The slice is read from one copy: bios with emoji are UTF-16 strings, whose charAt costs a check per call.
        char[] slice = new char[to - from];
        text.getChars(from, to, slice, 0);
        for (int i = 0; i < slice.length; i++) {
            char first = slice[i];
            String[] words = first < 128 ? BUSINESS_BY_FIRST[first] : null;
            if (words == null) {
                continue; // no business word (nor "pr") starts with this character: most positions end here
            }
            for (String w : words) {
                if (asciiIgnoreCaseAt(slice, i, w)) {
                    return true;
                }
            }
            int p = from + i;
            if (asciiIgnoreCaseAt(slice, i, "pr") && (p == from || !isWord(Character.codePointBefore(text, p)))
                    && (p + 2 == to || !isWord(Character.codePointAt(text, p + 2)))) {
                return true;
            }
        }
        return false;
    }

    /** @param lower a lower-case ASCII word */
    private static boolean asciiIgnoreCaseAt(char[] slice, int at, String lower) {
        if (at + lower.length() > slice.length) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = slice[at + k];
            if (c != lower.charAt(k) && !(c >= 'A' && c <= 'Z' && c + 32 == lower.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code text.substring(start, at) + "@" + text.substring(at + 1, end).toLowerCase(Locale.ROOT)} for an address
     * already checked, in one copy: {@code text[at]} is the "@" and the domain is ASCII ({@link #isDomainChar}), so
     * lower-casing it means lower-casing A–Z.
     */
    static String email(String text, int start, int at, int end) {
        char[] address = new char[end - start];
        text.getChars(start, end, address, 0);
        for (int i = at + 1 - start; i < address.length; i++) {
            char c = address[i];
            if (c >= 'A' && c <= 'Z') {
                address[i] = (char) (c + 32);
            }
        }
        return new String(address);
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

    /** Starts with a letter or digit and has no two dots in a row; {@code s[from, to)} is not empty. */
    static boolean validLocal(String s, int from, int to) {
        if (!Character.isLetterOrDigit(s.charAt(from))) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            if (s.charAt(i) == '.' && s.charAt(i - 1) == '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Labels of letters, digits and inner hyphens, at least two, the last alphabetic and 2–24 long. Read label by
     * label in place (no substring, split or stream: every bio with an address gets here).
     */
    static boolean validDomain(String s, int from, int to) {
        if (to - from < 4) {
            return false;
        }
        int labels = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i < to && s.charAt(i) != '.') {
                continue;
            }
            int length = i - start; // the label s[start, i)
            if (length == 0 || length > 63 || s.charAt(start) == '-' || s.charAt(i - 1) == '-') {
                return false;
            }
            labels++;
            start = i + 1;
        }
        if (labels < 2) {
            return false;
        }
        int tldStart = s.lastIndexOf('.', to - 1) + 1;
        if (to - tldStart < 2 || to - tldStart > 24) {
            return false;
        }
        for (int i = tldStart; i < to; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
