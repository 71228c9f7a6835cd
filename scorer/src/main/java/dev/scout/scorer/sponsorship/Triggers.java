package dev.scout.scorer.sponsorship;

import dev.scout.scorer.text.TextScan;

/**
 * The trigger words one pass of {@link Lexicon#TRIGGERS} found in a post's lower-case text: which groups occur and
 * where the first word of each ends. The detector runs a phrase regex only for a group found here; the scorer reads
 * {@link #mentionsGiveaway()} from the same pass instead of searching the text again. Created per post by
 * {@link SponsorshipDetector#triggers}; immutable once returned.
 */
public final class Triggers {

    final int mask;
    /** Index just after the first trigger word of each group found (0 for groups not found). */
    final int[] firstEnd;

    private Triggers(int mask, int[] firstEnd) {
        this.mask = mask;
        this.firstEnd = firstEnd;
    }

    static Triggers scan(TextScan text) {
        int[] firstEnd = new int[Lexicon.GROUPS];
        int mask = Lexicon.TRIGGERS.scan(text.lowerChars(), text.lowerLength(), firstEnd);
        return new Triggers(mask, firstEnd);
    }

    /** Whether the text contains "giveaway", "gewinnspiel" or "sorteo" (anywhere, as in #giveawaytime). */
    public boolean mentionsGiveaway() {
        return Lexicon.has(mask, Lexicon.G_GIVEAWAY);
    }
}
