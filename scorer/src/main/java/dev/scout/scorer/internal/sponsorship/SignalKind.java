package dev.scout.scorer.internal.sponsorship;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Kinds of sponsorship evidence, with their strength (platform-apis.md §5.2) and what they say about disclosure
 * (scoring.md §3.2: FTC/ASA accept "ad", "advertisement", "sponsored", "paid partnership"; vague tags such as
 * #collab, #sp, #gifted or "thanks to @brand" are not clear disclosures; codes and links disclose nothing).
 */
public enum SignalKind {
    PLATFORM_LABEL(Strength.STRONG, Disclosure.CLEAR, Family.EXPLICIT),
    AD_TAG(Strength.STRONG, Disclosure.CLEAR, Family.EXPLICIT),
    AD_PHRASE(Strength.STRONG, Disclosure.CLEAR, Family.EXPLICIT),
    PARTNER_TAG(Strength.MEDIUM, Disclosure.AMBIGUOUS, Family.AMBIGUOUS),
    PARTNER_PHRASE(Strength.MEDIUM, Disclosure.AMBIGUOUS, Family.AMBIGUOUS),
    GIFTED(Strength.MEDIUM, Disclosure.AMBIGUOUS, Family.AMBIGUOUS),
    THANKS_BRAND(Strength.MEDIUM, Disclosure.AMBIGUOUS, Family.AMBIGUOUS),
    AFFILIATE_DISCLOSURE(Strength.MEDIUM, Disclosure.AMBIGUOUS, Family.AFFILIATE),
    PROMO_CODE(Strength.MEDIUM, Disclosure.NONE, Family.AFFILIATE),
    DISCOUNT(Strength.MEDIUM, Disclosure.NONE, Family.AFFILIATE),
    AFFILIATE_LINK(Strength.MEDIUM, Disclosure.NONE, Family.AFFILIATE),
    SHORTENED_LINK(Strength.WEAK, Disclosure.NONE, Family.OTHER),
    BRAND_MENTION(Strength.WEAK, Disclosure.NONE, Family.OTHER);

    /** How much one signal of this kind proves. */
    public enum Strength { STRONG, MEDIUM, WEAK }

    /** What the signal says about disclosure, from clearest to none. */
    public enum Disclosure { CLEAR, AMBIGUOUS, NONE }

    /** Groups used by the "vague tag or affiliate signal + brand mention" rule. */
    public enum Family { EXPLICIT, AMBIGUOUS, AFFILIATE, OTHER }

    private final Strength strength;
    private final Disclosure disclosure;
    private final Family family;
    private final String label;

    SignalKind(Strength strength, Disclosure disclosure, Family family) {
        this.strength = strength;
        this.disclosure = disclosure;
        this.family = family;
        this.label = name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The kinds a caption's text can show, which the {@link PhraseTable} may name; the others come from the post. */
    private static final Set<SignalKind> TEXT_KINDS = EnumSet.complementOf(EnumSet.of(PLATFORM_LABEL, AFFILIATE_LINK,
            SHORTENED_LINK, BRAND_MENTION));

    /** Whether a phrase in a caption's text can give this kind. */
    public boolean fromText() {
        return TEXT_KINDS.contains(this);
    }

    /** The kinds {@link #fromText}. */
    public static Set<SignalKind> textKinds() {
        return Collections.unmodifiableSet(TEXT_KINDS);
    }

    /** "ad tag", "promo code", … */
    public String label() {
        return label;
    }

    public Strength strength() {
        return strength;
    }

    public Disclosure disclosure() {
        return disclosure;
    }

    public Family family() {
        return family;
    }
}
