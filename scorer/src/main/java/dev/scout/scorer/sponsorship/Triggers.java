package dev.scout.scorer.sponsorship;

import dev.scout.scorer.text.TextScan;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trigger words one pass of {@link Lexicon#TRIGGERS} found in a post's lower-case text: which groups occur and
 * where the first word of each ends. The detector runs a phrase regex only for a group found here; the scorer reads
 * {@link #mentionsGiveaway()} from the same pass instead of searching the text again.
 *
 * <p>An instance from {@link #reusable()} is one thread's scratch space, rescanned for each post
 * ({@link SponsorshipDetector#triggers(TextScan, Triggers)}); it also keeps that thread's regex matchers, reset to
 * each text rather than built per post. It holds nothing from one post that the next could read: every scan
 * clears it, and every matcher is reset to the new text before use. Not thread-safe.
 */
public final class Triggers {

    int mask;
    /** Index just after the first trigger word of each group found (0 for groups not found). */
    final int[] firstEnd = new int[Lexicon.GROUPS];
    /** One matcher per pattern, built on first use; keyed by identity of the (few, static) patterns. */
    private final Pattern[] patterns = new Pattern[12];
    private final Matcher[] matchers = new Matcher[12];

    private Triggers() {
    }

    /** Empty scratch space for one thread, to pass to {@link SponsorshipDetector#triggers(TextScan, Triggers)}. */
    public static Triggers reusable() {
        return new Triggers();
    }

    static Triggers scan(TextScan text) {
        return new Triggers().rescan(text);
    }

    Triggers rescan(TextScan text) {
        Arrays.fill(firstEnd, 0);
        mask = Lexicon.TRIGGERS.scan(text.lowerChars(), text.lowerLength(), firstEnd);
        return this;
    }

    /**
     * A matcher of {@code pattern} over {@code text}, in the state {@code pattern.matcher(text)} would have, except
     * for the bounds' transparency and anchoring, which each caller sets the same way for its pattern every time.
     */
    Matcher matcher(Pattern pattern, CharSequence text) {
        for (int k = 0; k < patterns.length; k++) {
            if (patterns[k] == pattern) {
                return matchers[k].reset(text);
            }
            if (patterns[k] == null) {
                patterns[k] = pattern;
                matchers[k] = pattern.matcher(text);
                return matchers[k];
            }
        }
        return pattern.matcher(text); // more patterns than slots: not reused
    }

    /** Whether the text contains "giveaway", "gewinnspiel" or "sorteo" (anywhere, as in #giveawaytime). */
    public boolean mentionsGiveaway() {
        return Lexicon.has(mask, Lexicon.G_GIVEAWAY);
    }
}
