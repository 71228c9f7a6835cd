package dev.scout.scorer.sponsorship;

import dev.scout.scorer.text.TextScan;

import static dev.scout.scorer.sponsorship.Lexicon.*;

/**
 * The detector's phrase layer: for each group whose trigger word the scan found, the group's phrases from shortly
 * before that word on, as signals (and the brands they name) in a post's {@link Evidence}. Phrases are matched on
 * the lower-case characters (a code on the folded text, in its own case) by {@link LiteralPhrases} and
 * {@link PhraseMatchers}, which find what the {@link Lexicon}'s patterns define. Pure.
 */
final class PhraseSignals {

    private PhraseSignals() {
    }

    /** Adds the phrase signals of {@code text} for the trigger groups in {@code triggers}. */
    static void collect(TextScan text, Triggers triggers, Evidence evidence) {
        int gates = triggers.mask;
        int[] firstEnd = triggers.firstEnd;
        char[] lower = text.lowerChars();
        int len = text.lowerLength();
        int[] span = new int[4];
        if (has(gates, G_AD)) {
            for (int from = near(firstEnd, G_AD, len), e; (e = AD_PHRASES.find(lower, len, from, span)) >= 0; ) {
                from = Math.max(span[1], span[0] + 1);
                evidence.signal(SignalKind.AD_PHRASE, withPosition(AD_PHRASES.quoted(e, lower, span), span[0]));
                nameAfter(lower, len, span, evidence);
            }
        }
        if (has(gates, G_PARTNER)) {
            for (int from = near(firstEnd, G_PARTNER, len), e;
                 (e = PARTNER_PHRASES.find(lower, len, from, span)) >= 0; ) {
                from = Math.max(span[1], span[0] + 1);
                evidence.signal(SignalKind.PARTNER_PHRASE, PARTNER_PHRASES.quoted(e, lower, span));
                nameAfter(lower, len, span, evidence);
            }
        }
        if (has(gates, G_THANKS)) {
            for (int from = near(firstEnd, G_THANKS, len); PhraseMatchers.thanks(lower, len, from, span); ) {
                from = Math.max(span[1], span[0] + 1);
                evidence.signal(SignalKind.THANKS_BRAND, quote(lower, span[0], span[1]));
                evidence.brand(Brands.fromMention(new String(lower, span[2], span[3] - span[2])));
            }
        }
        if (has(gates, G_GIFT)) {
            for (int from = near(firstEnd, G_GIFT, len), e; (e = GIFTED_PHRASES.find(lower, len, from, span)) >= 0; ) {
                from = Math.max(span[1], span[0] + 1);
                evidence.signal(SignalKind.GIFTED, GIFTED_PHRASES.quoted(e, lower, span));
            }
        }
        if (has(gates, G_CODE)) {
            codes(text, firstEnd, span, evidence);
        }
        if (has(gates, G_PERCENT) && PhraseMatchers.discount(lower, len, near(firstEnd, G_PERCENT, len), span)) {
            evidence.signal(SignalKind.DISCOUNT, quote(lower, span[0], span[1]));
        }
        if (has(gates, G_AFFILIATE)) {
            int e = AFF_PHRASES.find(lower, len, near(firstEnd, G_AFFILIATE, len), span);
            if (e >= 0) {
                evidence.signal(SignalKind.AFFILIATE_DISCLOSURE, AFF_PHRASES.quoted(e, lower, span));
            }
        }
    }

    /** {@code evidence} with a note when it stands below the fold, after {@link SponsorshipDetector#FOLD}. */
    static String withPosition(String evidence, int at) {
        return at > SponsorshipDetector.FOLD ? evidence + " (below the fold, at character " + at + ")" : evidence;
    }

    /** Promo codes: read in the folded text's own case, since a code must be written in capitals or digits. */
    private static void codes(TextScan text, int[] firstEnd, int[] span, Evidence evidence) {
        char[] folded = text.foldedChars();
        int len = text.foldedLength();
        for (int from = near(firstEnd, G_CODE, len); PhraseMatchers.promoCode(folded, len, from, span); ) {
            from = Math.max(span[1], span[0] + 1);
            String code = new String(folded, span[2], span[3] - span[2]);
            if (hasLetter(code) || code.length() >= 4) {
                evidence.signal(SignalKind.PROMO_CODE, "code " + code);
                evidence.code(code);
            }
        }
    }

    /** The brand named after a phrase ending at {@code span[1]} ("sponsored by Oatly"), if any. */
    private static void nameAfter(char[] lower, int len, int[] span, Evidence evidence) {
        if (PhraseMatchers.nameAfter(lower, len, span[1], span)) {
            String key = Brands.fromName(new String(lower, span[0], span[1] - span[0]));
            if (!key.isEmpty()) {
                evidence.brand(key);
            }
        }
    }

    /**
     * Where to look for a group's phrases: shortly before its first trigger word, as far back as its longest phrase
     * can begin, instead of at the start of the text. The word boundary before may still look further back.
     */
    private static int near(int[] firstEnd, int group, int length) {
        return Math.min(length, Math.max(0, firstEnd[group] - LOOKBACK[group]));
    }

    /** {@code 'text'}: the matched characters in quotes, as evidence quotes a phrase. */
    private static String quote(char[] t, int start, int end) {
        char[] q = new char[end - start + 2];
        q[0] = '\'';
        System.arraycopy(t, start, q, 1, end - start);
        q[q.length - 1] = '\'';
        return new String(q);
    }

    /** Whether a code ({@code [A-Z0-9_-]}) has a letter. */
    private static boolean hasLetter(String code) {
        for (int k = 0; k < code.length(); k++) {
            if (Character.isLetter(code.charAt(k))) {
                return true;
            }
        }
        return false;
    }
}
