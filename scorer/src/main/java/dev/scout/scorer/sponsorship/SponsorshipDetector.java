package dev.scout.scorer.sponsorship;

import dev.scout.model.Post;
import dev.scout.scorer.text.CharTable;
import dev.scout.scorer.text.PostText;
import dev.scout.scorer.text.Slices;
import dev.scout.scorer.text.TextScan;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

import static dev.scout.scorer.sponsorship.Lexicon.*;

/**
 * Layered, explainable brand-partnership detector for one post (platform-apis.md §5.2, scoring.md §3.6).
 *
 * <p>Layers: the platform's paid-promotion label; explicit disclosures (#ad, "paid partnership with", "Anzeige",
 * #werbung, #publicidad, #sponsorisé …); vague partnership tags and phrases (#collab, #gifted, "thanks to @brand",
 * "in Kooperation mit"); affiliate evidence (affiliate hosts and parameters, "use code X", "20% off", "affiliate
 * link"); and brand mentions. A post is sponsored when it has a strong signal, or two distinct medium kinds, or a
 * vague or affiliate signal together with a brand mention. Text is matched after accent folding, so
 * {@code #publicité} and {@code #publicite} are the same tag; tags match whole, so #adventure and #adidas are not
 * #ad. Every matched string is kept as evidence. A group of phrases is looked for only when the one-pass trigger
 * scan ({@link GateScanner}) finds one of its trigger words, and then without regexes: {@link LiteralPhrases} and
 * {@link PhraseMatchers} find what the {@link Lexicon}'s patterns define (checked against them by tests).
 * Immutable and thread-safe.
 */
public final class SponsorshipDetector {

    /** Characters before which FTC expects a disclosure ("above the fold", scoring.md §3.1). */
    public static final int FOLD = 125;

    /** The tags of {@link Lexicon#TAG_KINDS}, looked up straight from a text's buffers, with their kinds by id. */
    private static final List<String> TAGS = List.copyOf(TAG_KINDS.keySet());
    private static final CharTable TAG_TABLE = new CharTable(TAGS);
    /** "clear", "ambiguous", "none": each disclosure's name as verdicts report it, by ordinal. */
    private static final String[] DISCLOSURE_NAMES = java.util.Arrays.stream(SignalKind.Disclosure.values())
            .map(d -> d.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    /** First letters of {@link Lexicon#LEAD_LABELS}. */
    private static final boolean[] LEAD_FIRST = new boolean[128];

    static {
        for (String label : LEAD_LABELS) {
            LEAD_FIRST[label.charAt(0)] = true;
        }
    }

    /** Each tag of {@link #TAGS} as evidence quotes it ("#ad"), by id: written once, not per post. */
    private static final String[] TAG_EVIDENCE = TAGS.stream().map(t -> "#" + t).toArray(String[]::new);
    private static final SignalKind[] TAG_KIND_BY_ID = TAGS.stream().map(TAG_KINDS::get).toArray(SignalKind[]::new);

    /**
     * @param post     the post (labels, structured mentions and links)
     * @param text     the post's prepared text
     * @param self     the profile's own brand key (its user name), never counted as a brand
     * @param ownSite  brand key of the profile's own website, never counted as a brand ("" when none)
     */
    public PostVerdict detect(Post post, PostText text, String self, String ownSite) {
        return detect(post, new TextScan().load(text), self, ownSite);
    }

    /** {@link #detect(Post, PostText, String, String)} on text prepared in a reused {@link TextScan}. */
    public PostVerdict detect(Post post, TextScan text, String self, String ownSite) {
        return detect(post, text, triggers(text), self, ownSite);
    }

    /** The trigger words of {@code text}, as {@link #detect(Post, TextScan, Triggers, String, String)} needs. */
    public Triggers triggers(TextScan text) {
        return Triggers.scan(text);
    }

    /**
     * {@link #triggers(TextScan)} written into {@code reuse} (from {@link Triggers#reusable()}), which is returned:
     * one thread scoring many posts builds neither the result nor the regex matchers per post.
     */
    public Triggers triggers(TextScan text, Triggers reuse) {
        return reuse.rescan(text);
    }

    /** {@link #detect(Post, TextScan, String, String)} with the text's {@link #triggers} already found. */
    public PostVerdict detect(Post post, TextScan text, Triggers triggers, String self, String ownSite) {
        int[] firstEnd = triggers.firstEnd;
        int gates = triggers.mask;
        boolean mayLead = mayLeadWithLabel(text);
        boolean labelled = post.platformLabels().contains(Post.LABEL_PAID_PROMOTION);
        boolean tagged = false;
        for (int k = 0; k < text.hashtags().count() && !tagged; k++) {
            tagged = tagKind(text, k) >= 0;
        }
        if (gates == 0 && !mayLead && !labelled && !tagged && text.urls().isEmpty() && text.mentions().isEmpty()
                && post.links().isEmpty() && post.mentions().isEmpty()) {
            return PostVerdict.NONE; // nothing below could fire: most organic posts end here
        }
        List<Signal> signals = new ArrayList<>(2);
        Set<String> brands = new LinkedHashSet<>(2);
        if (labelled) {
            signals.add(new Signal(SignalKind.PLATFORM_LABEL, "platform label: paid promotion"));
        }
        for (int k = 0; k < text.hashtags().count() && tagged; k++) {
            int id = tagKind(text, k);
            if (id < 0) {
                continue;
            }
            String tag = TAG_EVIDENCE[id];
            SignalKind kind = TAG_KIND_BY_ID[id];
            if (kind == SignalKind.AD_TAG) {
                String at = positionOf(text, tag);
                signals.add(new Signal(SignalKind.AD_TAG, at.isEmpty() ? tag : tag + at));
            } else {
                signals.add(new Signal(kind, tag));
            }
        }
        char[] lower = text.lowerChars(); // phrases are matched on the lower case (the code on the folded text)
        int len = text.lowerLength();
        if (mayLead) {
            String phrases = text.lower();
            Matcher lead = triggers.matcher(AD_LEAD, phrases);
            if (lead.lookingAt()) { // anchored: one attempt, not one per character
                signals.add(new Signal(SignalKind.AD_PHRASE, "'" + lead.group(1) + "' label at the start"));
            }
        }
        int[] span = new int[4];
        if (has(gates, G_AD)) {
            for (int from = near(firstEnd, G_AD, len), e; (e = AD_PHRASES.find(lower, len, from, span)) >= 0; ) {
                from = Math.max(span[1], span[0] + 1);
                String quoted = AD_PHRASES.quoted(e, lower, span);
                signals.add(new Signal(SignalKind.AD_PHRASE, span[0] > FOLD ? quoted + position(span[0]) : quoted));
                nameAfter(lower, len, span, brands);
            }
        }
        if (has(gates, G_PARTNER)) {
            for (int from = near(firstEnd, G_PARTNER, len), e; (e = PARTNER_PHRASES.find(lower, len, from, span)) >= 0; ) {
                from = Math.max(span[1], span[0] + 1);
                signals.add(new Signal(SignalKind.PARTNER_PHRASE, PARTNER_PHRASES.quoted(e, lower, span)));
                nameAfter(lower, len, span, brands);
            }
        }
        if (has(gates, G_THANKS)) {
            for (int from = near(firstEnd, G_THANKS, len); PhraseMatchers.thanks(lower, len, from, span); ) {
                from = Math.max(span[1], span[0] + 1);
                signals.add(new Signal(SignalKind.THANKS_BRAND, quote(lower, span[0], span[1])));
                brands.add(Brands.fromMention(new String(lower, span[2], span[3] - span[2])));
            }
        }
        if (has(gates, G_GIFT)) {
            for (int from = near(firstEnd, G_GIFT, len), e; (e = GIFTED_PHRASES.find(lower, len, from, span)) >= 0; ) {
                from = Math.max(span[1], span[0] + 1);
                signals.add(new Signal(SignalKind.GIFTED, GIFTED_PHRASES.quoted(e, lower, span)));
            }
        }
        List<String> codes = new ArrayList<>(1);
        if (has(gates, G_CODE)) {
            char[] folded = text.folded().toCharArray(); // codes are read in their own case
            int flen = folded.length;
            for (int from = near(firstEnd, G_CODE, flen); PhraseMatchers.promoCode(folded, flen, from, span); ) {
                from = Math.max(span[1], span[0] + 1);
                String code = new String(folded, span[2], span[3] - span[2]);
                if (hasLetter(code) || code.length() >= 4) {
                    signals.add(new Signal(SignalKind.PROMO_CODE, "code " + code));
                    codes.add(code);
                }
            }
        }
        if (has(gates, G_PERCENT) && PhraseMatchers.discount(lower, len, near(firstEnd, G_PERCENT, len), span)) {
            signals.add(new Signal(SignalKind.DISCOUNT, quote(lower, span[0], span[1])));
        }
        if (has(gates, G_AFFILIATE)) {
            int e = AFF_PHRASES.find(lower, len, near(firstEnd, G_AFFILIATE, len), span);
            if (e >= 0) {
                signals.add(new Signal(SignalKind.AFFILIATE_DISCLOSURE, AFF_PHRASES.quoted(e, lower, span)));
            }
        }
        linkSignals(post, text, ownSite, signals, brands);
        // One mention in the text alone needs no de-duplicating set.
        if (post.mentions().isEmpty() && text.mentions().size() <= 1) {
            if (!text.mentions().isEmpty()) { // indexed: an iterator per post is garbage the JIT does not remove
                mentionSignal(text.mentions().get(0), self, signals, brands);
            }
        } else {
            for (String mention : mentions(post, text)) {
                mentionSignal(mention, self, signals, brands);
            }
        }
        if (!brands.isEmpty()) {
            brands.remove(self);
            brands.remove("");
        }
        boolean sponsored = isSponsored(signals);
        if (sponsored && brands.isEmpty()) {
            codes.forEach(c -> brands.add("code " + c));
        }
        return new PostVerdict(sponsored, signals, sponsored ? List.copyOf(brands) : List.of(),
                sponsored ? disclosure(signals) : "n/a");
    }

    private static void mentionSignal(String mention, String self, List<Signal> signals, Set<String> brands) {
        String key = Brands.fromMention(mention);
        if (!key.isEmpty() && !key.equals(self)) {
            signals.add(new Signal(SignalKind.BRAND_MENTION, "@" + mention));
            brands.add(key);
        }
    }

    private static int tagKind(TextScan text, int k) {
        Slices tags = text.hashtags();
        return TAG_TABLE.find(tags.chars(), tags.start(k), tags.end(k), tags.hash(k));
    }

    private static void linkSignals(Post post, TextScan text, String ownSite, List<Signal> signals,
                                    Set<String> brands) {
        if (post.links().isEmpty() && text.urls().size() <= 1) {
            if (!text.urls().isEmpty()) { // nothing to de-duplicate: skip building the set
                linkSignal(text.urls().get(0), ownSite, signals, brands);
            }
            return;
        }
        Set<String> links = new LinkedHashSet<>(post.links());
        links.addAll(text.urls());
        for (String link : links) {
            linkSignal(link, ownSite, signals, brands);
        }
    }

    private static void linkSignal(String link, String ownSite, List<Signal> signals, Set<String> brands) {
        String host = Links.host(link);
        var affiliate = Links.affiliate(link, host);
        if (affiliate.isPresent()) {
            signals.add(new Signal(SignalKind.AFFILIATE_LINK, affiliate.get()));
        } else if (Links.isShortenerHost(host)) {
            signals.add(new Signal(SignalKind.SHORTENED_LINK, host + " link"));
        }
        Links.brand(link, host, affiliate.isPresent()).filter(b -> !b.equals(ownSite)).ifPresent(brands::add);
    }

    /**
     * The accounts a post mentions, by name. A Bluesky mention arrives twice: as the facet's DID in
     * {@code post.mentions()} and as the {@code @handle} the facet covers in the text. The DID is an opaque id
     * that names no brand, so it is skipped; counting it would make every Bluesky partner two brands.
     */
    private static Set<String> mentions(Post post, TextScan text) {
        Set<String> all = new LinkedHashSet<>();
        for (String m : post.mentions()) {
            String name = (m.startsWith("@") ? m.substring(1) : m).toLowerCase(Locale.ROOT);
            if (!Brands.isDid(name)) {
                all.add(name);
            }
        }
        all.addAll(text.mentions());
        return all;
    }

    /** The rule in the class comment. */
    static boolean isSponsored(List<Signal> signals) {
        Set<SignalKind> medium = EnumSet.noneOf(SignalKind.class);
        boolean vagueOrAffiliate = false;
        boolean brandMention = false;
        for (Signal s : signals) {
            SignalKind k = s.kind();
            if (k.strength() == SignalKind.Strength.STRONG) {
                return true;
            }
            if (k.strength() == SignalKind.Strength.MEDIUM) {
                medium.add(k);
                vagueOrAffiliate |= k.family() == SignalKind.Family.AMBIGUOUS || k.family() == SignalKind.Family.AFFILIATE;
            }
            brandMention |= k == SignalKind.BRAND_MENTION || k == SignalKind.THANKS_BRAND;
        }
        return medium.size() >= 2 || (vagueOrAffiliate && brandMention);
    }

    private static String disclosure(List<Signal> signals) {
        SignalKind.Disclosure best = SignalKind.Disclosure.NONE;
        for (Signal s : signals) {
            if (s.kind().disclosure().ordinal() < best.ordinal()) {
                best = s.kind().disclosure();
            }
        }
        return DISCLOSURE_NAMES[best.ordinal()];
    }

    /** The brand named after a phrase ending at {@code span[1]} ("sponsored by Oatly"), if any, into brands. */
    private static void nameAfter(char[] lower, int len, int[] span, Set<String> brands) {
        if (PhraseMatchers.nameAfter(lower, len, span[1], span)) {
            String key = Brands.fromName(new String(lower, span[0], span[1] - span[0]));
            if (!key.isEmpty()) {
                brands.add(key);
            }
        }
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

    /** Where {@code needle} first stands in the lower-case text, as a position note ("" above the fold). */
    private static String positionOf(TextScan text, String needle) {
        int last = text.lowerLength() - needle.length();
        for (int at = 0; at <= last; at++) { // String.indexOf on the characters, without building the string
            if (text.lowerStartsWith(needle, at)) {
                return position(at);
            }
        }
        return "";
    }

    private static String position(int at) {
        return at > FOLD ? " (below the fold, at character " + at + ")" : "";
    }

    /**
     * Where to look for a group's phrases: shortly before its first trigger word, as far back as its longest phrase
     * can begin, instead of at the start of the text. The word boundary before may still look further back.
     */
    private static int near(int[] firstEnd, int group, int length) {
        return Math.min(length, Math.max(0, firstEnd[group] - LOOKBACK[group]));
    }

    /**
     * Cheap necessary condition for {@link Lexicon#AD_LEAD}: after the leading run of non-word characters (at most
     * three; {@code \\W} is ASCII-only there) the text starts with one of its labels. Only then does the regex run.
     */
    private static boolean mayLeadWithLabel(TextScan text) {
        char[] lower = text.lowerChars();
        int k = 0;
        while (k < text.lowerLength() && !isAsciiWordChar(lower[k])) {
            if (++k > 3) {
                return false;
            }
        }
        if (k >= text.lowerLength() || lower[k] >= 128 || !LEAD_FIRST[lower[k]]) {
            return false; // most captions: no label starts with this letter
        }
        for (String label : LEAD_LABELS) {
            if (text.lowerStartsWith(label, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
