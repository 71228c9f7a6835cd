package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.TextFolding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One phrase of the {@link PhraseTable} compiled for matching: its <em>anchor</em> (the leading words, which the
 * detector finds for all phrases at once with an {@link AnchorTrie}) and what must stand around it. Matching runs
 * on a caption's lower-case text; a {@code {code}} is read at the same positions in the folded text, whose case it
 * keeps (folding keeps lengths equal between the two).
 *
 * <p>Syntax (the table's header says the same): words matched on word boundaries, never inside a link or an
 * {@code @handle} (the trie starts only at the tokenizer's words), one space apart in the text;
 * next to a slot, any run of spaces (none included). Slots: {@code {handle}} an {@code @handle} or
 * {@code @user@host}; {@code {code}} a promo code of 3–20 capitals, digits, {@code _} or {@code -} with a letter or
 * at least 4 characters, after an optional {@code :} or quote; {@code {percent}} one or two digits and {@code %}
 * (the only slot allowed before the first word); {@code {any}} 1–40 characters, as few as will do. A leading
 * {@code ^} makes the phrase a label: at most three non-word characters before it at the start of the text, and one
 * of {@code : | - – — ] )} after it. Immutable and thread-safe.
 */
final class Template {

    enum Slot { HANDLE, CODE, PERCENT, ANY }

    /** A part after the anchor: a word (lower case, folded) or a slot. */
    private record Part(String word, Slot slot) {
    }

    /** What one match covers: [start, end) of the text, and the handle or code it read (or null). */
    record Match(int start, int end, String handle, String code) {

        Match withHandle(String read) {
            return new Match(start, end, read, code);
        }

        Match withCode(String read) {
            return new Match(start, end, handle, read);
        }
    }

    private static final int MAX_ANY = 40;
    private static final int MAX_CODE = 20;
    private static final String LABEL_ENDS = ":|-\u2013\u2014])";

    private final String anchor;
    private final boolean label;
    private final boolean percentBefore;
    private final List<Part> rest;
    /**
     * For a phrase with an {@code {any}} slot, the words of {@link #rest}, longest first (else none): the phrase
     * cannot match where one of them does not occur after the anchor, and one {@link String#indexOf} per word
     * spares trying every length of {@code {any}}. The other phrases need no such check: their rest starts with a
     * slot ({@code {handle}}, {@code {code}}, {@code {percent}}) that rules most anchor hits out at the first
     * character (eight "thanks {handle} for …" rows share the anchor "thanks"), more cheaply than scanning the
     * caption for their words.
     */
    private final String[] restWords;

    private Template(String anchor, boolean label, boolean percentBefore, List<Part> rest) {
        this.anchor = anchor;
        this.label = label;
        this.percentBefore = percentBefore;
        this.rest = rest;
        this.restWords = rest.stream().noneMatch(p -> p.slot() == Slot.ANY) ? new String[0]
                : rest.stream().map(Part::word).filter(w -> w != null)
                        .sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code pattern} */
    static Template parse(String pattern) {
        boolean label = pattern.startsWith("^");
        String[] tokens = (label ? pattern.substring(1) : pattern).strip().split(" +");
        int k = 0;
        boolean percentBefore = false;
        if (tokens[0].startsWith("{")) {
            if (!slot(tokens[0]).equals(Slot.PERCENT) || label) {
                throw new IllegalArgumentException("only {percent} may come before the first word");
            }
            percentBefore = true;
            k = 1;
        }
        StringBuilder anchor = new StringBuilder();
        for (; k < tokens.length && !tokens[k].startsWith("{"); k++) {
            anchor.append(anchor.length() == 0 ? "" : " ").append(TextFolding.foldLower(tokens[k]));
        }
        if (anchor.length() == 0) {
            throw new IllegalArgumentException("a phrase needs a word before its first slot (or after {percent})");
        }
        if (!Character.isLetterOrDigit(anchor.charAt(0))) {
            throw new IllegalArgumentException("a phrase must begin with a letter or digit (or {percent}), not '"
                    + anchor.charAt(0) + "': it is found only where a word of the caption starts");
        }
        List<Part> rest = new ArrayList<>();
        for (; k < tokens.length; k++) {
            rest.add(tokens[k].startsWith("{") ? new Part(null, slot(tokens[k]))
                    : new Part(TextFolding.foldLower(tokens[k]), null));
        }
        if (label && !rest.isEmpty()) {
            throw new IllegalArgumentException("a ^label is words only");
        }
        return new Template(anchor.toString(), label, percentBefore, List.copyOf(rest));
    }

    private static Slot slot(String token) {
        return switch (token) {
            case "{handle}" -> Slot.HANDLE;
            case "{code}" -> Slot.CODE;
            case "{percent}" -> Slot.PERCENT;
            case "{any}" -> Slot.ANY;
            default -> throw new IllegalArgumentException("unknown slot " + token
                    + " (slots: {handle}, {code}, {percent}, {any})");
        };
    }

    /** The leading words, single-spaced, lower case and folded: what the trie looks for. */
    String anchor() {
        return anchor;
    }

    boolean isLabel() {
        return label;
    }

    /** The match of this phrase whose anchor stands at {@code at}, or null when there is none. */
    Match matchAt(String lower, String folded, int at) {
        int anchorEnd = at + anchor.length();
        int start = percentBefore ? percentBefore(lower, at) : at;
        if (start < 0 || (!percentBefore && isWord(lower, at - 1))) {
            return null;
        }
        if (label) {
            if (!isLabelStart(lower, at)) {
                return null;
            }
            int p = spaces(lower, anchorEnd);
            return !isWord(lower, anchorEnd) && p < lower.length() && LABEL_ENDS.indexOf(lower.charAt(p)) >= 0
                    ? new Match(start, anchorEnd, null, null) : null;
        }
        if (rest.isEmpty()) { // most phrases: words only
            return isWord(lower, anchorEnd) && isWord(lower, anchorEnd - 1) ? null
                    : new Match(start, anchorEnd, null, null);
        }
        for (String word : restWords) {
            if (lower.indexOf(word, anchorEnd) < 0) {
                return null;
            }
        }
        return matchRest(lower, folded, start, 0, anchorEnd, false);
    }

    /**
     * Matches the parts from {@code k} on at {@code p} (just after a word, unless {@code afterSlot}): the match from
     * {@code start}, with the handle or code it read, or null. Nothing is allocated for a part that fails.
     */
    private Match matchRest(String lower, String folded, int start, int k, int p, boolean afterSlot) {
        if (k == rest.size()) { // a word boundary at the end
            return afterSlot || !isWord(lower, p) || !isWord(lower, p - 1) ? new Match(start, p, null, null) : null;
        }
        Part part = rest.get(k);
        int q = spaces(lower, p);
        if (part.word != null) {
            boolean spaced = afterSlot || q > p;
            return spaced && lower.startsWith(part.word, q)
                    ? matchRest(lower, folded, start, k + 1, q + part.word.length(), false) : null;
        }
        switch (part.slot) {
            case HANDLE -> {
                int end = handleEnd(lower, q);
                Match m = end < 0 ? null : matchRest(lower, folded, start, k + 1, end, true);
                return m == null ? null : m.withHandle(lower.substring(q, end));
            }
            case CODE -> {
                int[] code = code(folded, q);
                Match m = code == null ? null : matchRest(lower, folded, start, k + 1, code[1], true);
                return m == null ? null : m.withCode(folded.substring(code[0], code[1]));
            }
            case PERCENT -> {
                int end = percentEnd(lower, q);
                return end < 0 ? null : matchRest(lower, folded, start, k + 1, end, true);
            }
            default -> { // ANY: the fewest characters after which the rest matches
                for (int n = 1; n <= MAX_ANY && q + n <= lower.length(); n++) {
                    Match m = matchRest(lower, folded, start, k + 1, q + n, true);
                    if (m != null) {
                        return m;
                    }
                }
                return null;
            }
        }
    }

    /** {@code @name} or {@code @user@host} (ASCII letters, digits, {@code _ . -}) at {@code p}: its end, or -1. */
    private static int handleEnd(String t, int p) {
        if (p >= t.length() || t.charAt(p) != '@') {
            return -1;
        }
        int end = handleRun(t, p + 1);
        if (end == p + 1) {
            return -1;
        }
        if (end < t.length() && t.charAt(end) == '@') {
            int host = handleRun(t, end + 1);
            return host > end + 1 ? host : end;
        }
        return end;
    }

    private static int handleRun(String t, int p) {
        while (p < t.length() && (isAsciiWord(t.charAt(p)) || t.charAt(p) == '.' || t.charAt(p) == '-')) {
            p++;
        }
        return p;
    }

    /**
     * A promo code at {@code p} of the folded text, after an optional {@code :} or quote: its start and end, or null.
     * The code must begin with a capital or digit and end on a word boundary; it must have a letter or at least four
     * characters ("code 10" is not a code).
     */
    private static int[] code(String t, int p) {
        if (p < t.length() && ":\"'\u201c".indexOf(t.charAt(p)) >= 0) {
            p = spaces(t, p + 1);
        }
        if (p >= t.length() || !(isUpperOrDigit(t.charAt(p)))) {
            return null;
        }
        int end = p + 1;
        while (end < t.length() && end - p < MAX_CODE && (isUpperOrDigit(t.charAt(end)) || t.charAt(end) == '_'
                || t.charAt(end) == '-')) {
            end++;
        }
        for (; end - p >= 3; end--) { // back off to a word boundary, as a regex would
            if (isWord(t, end - 1) != isWord(t, end)) {
                return hasLetter(t, p, end) || end - p >= 4 ? new int[] {p, end} : null;
            }
        }
        return null;
    }

    private static boolean hasLetter(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetter(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** One or two digits (no more), optional spaces and {@code %} at {@code p}: the end, or -1. */
    private static int percentEnd(String t, int p) {
        int digits = p;
        while (digits < t.length() && isDigit(t.charAt(digits))) {
            digits++;
        }
        if (digits == p || digits - p > 2 || isWord(t, p - 1)) {
            return -1;
        }
        int q = spaces(t, digits);
        return q < t.length() && t.charAt(q) == '%' ? q + 1 : -1;
    }

    /** Where {@code {percent}} starts when it ends (spaces aside) just before {@code at}, or -1. */
    private static int percentBefore(String t, int at) {
        int p = at;
        while (p > 0 && Character.isWhitespace(t.charAt(p - 1))) {
            p--;
        }
        if (p == 0 || t.charAt(p - 1) != '%') {
            return -1;
        }
        p--;
        while (p > 0 && Character.isWhitespace(t.charAt(p - 1))) {
            p--;
        }
        int start = p;
        while (start > 0 && isDigit(t.charAt(start - 1))) {
            start--;
        }
        return start < p && p - start <= 2 && !isWord(t, start - 1) ? start : -1;
    }

    /** Whether at most three characters, none of them an ASCII letter, digit or {@code _}, precede {@code at}. */
    private static boolean isLabelStart(String t, int at) {
        if (at > 3) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            if (isAsciiWord(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int spaces(String t, int p) {
        while (p < t.length() && Character.isWhitespace(t.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Whether a word character stands at {@code i}; false outside the text. */
    static boolean isWord(String t, int i) {
        return i >= 0 && i < t.length() && isWordChar(t.charAt(i));
    }

    /** A letter, digit or {@code _}, as a regex's {@code \b} sees word characters. */
    static boolean isWordChar(char c) {
        return c < 128 ? isAsciiWord(c) : Character.isLetterOrDigit(c);
    }

    private static boolean isAsciiWord(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
    }

    private static boolean isUpperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
