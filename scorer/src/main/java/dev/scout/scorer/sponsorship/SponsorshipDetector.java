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
 * #ad. Every matched string is kept as evidence. A phrase regex runs only when the one-pass trigger scan
 * ({@link GateScanner}) finds one of its trigger words.
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
                signals.add(new Signal(SignalKind.AD_TAG, tag + positionOf(text.lower(), tag)));
            } else {
                signals.add(new Signal(kind, tag));
            }
        }
        String folded = text.folded();
        String phrases = text.lower(); // phrase patterns are written in lower case
        Matcher lead = mayLead ? triggers.matcher(AD_LEAD, phrases) : null;
        if (lead != null && lead.lookingAt()) { // anchored: one attempt, not one per character
            signals.add(new Signal(SignalKind.AD_PHRASE, "'" + lead.group(1) + "' label at the start"));
        }
        if (has(gates, G_AD)) {
            Matcher m = near(triggers.matcher(AD_PHRASE, phrases), firstEnd, G_AD);
            PhraseFinder f = new PhraseFinder(m, phrases, AD_PHRASE_STARTS);
            while (f.find()) {
                signals.add(new Signal(SignalKind.AD_PHRASE, "'" + m.group(1) + "'" + position(m.start())));
                nameAfter(triggers, phrases, m.end()).ifPresent(brands::add);
            }
        }
        if (has(gates, G_PARTNER)) {
            Matcher m = near(triggers.matcher(PARTNER_PHRASE, phrases), firstEnd, G_PARTNER);
            PhraseFinder f = new PhraseFinder(m, phrases, PARTNER_PHRASE_STARTS);
            while (f.find()) {
                signals.add(new Signal(SignalKind.PARTNER_PHRASE, "'" + m.group(1) + "'"));
                nameAfter(triggers, phrases, m.end()).ifPresent(brands::add);
            }
        }
        if (has(gates, G_THANKS)) {
            Matcher m = near(triggers.matcher(THANKS_BRAND, phrases), firstEnd, G_THANKS);
            PhraseFinder f = new PhraseFinder(m, phrases, THANKS_BRAND_STARTS);
            while (f.find()) {
                String handle = m.group(1) != null ? m.group(1) : m.group(2);
                signals.add(new Signal(SignalKind.THANKS_BRAND, "'" + m.group() + "'"));
                brands.add(Brands.fromMention(handle));
            }
        }
        if (has(gates, G_GIFT)) {
            Matcher m = near(triggers.matcher(GIFTED, phrases), firstEnd, G_GIFT);
            PhraseFinder f = new PhraseFinder(m, phrases, GIFTED_STARTS);
            while (f.find()) {
                signals.add(new Signal(SignalKind.GIFTED, "'" + m.group(1) + "'"));
            }
        }
        List<String> codes = new ArrayList<>(1);
        if (has(gates, G_CODE)) {
            Matcher m = near(triggers.matcher(PROMO_CODE, folded), firstEnd, G_CODE);
            PhraseFinder f = new PhraseFinder(m, folded, PROMO_CODE_STARTS);
            while (f.find()) {
                if (m.group(1).chars().anyMatch(Character::isLetter) || m.group(1).length() >= 4) {
                    signals.add(new Signal(SignalKind.PROMO_CODE, "code " + m.group(1)));
                    codes.add(m.group(1));
                }
            }
        }
        if (has(gates, G_PERCENT)) {
            Matcher m = near(triggers.matcher(DISCOUNT, phrases), firstEnd, G_PERCENT);
            if (new PhraseFinder(m, phrases, DISCOUNT_STARTS).find()) {
                signals.add(new Signal(SignalKind.DISCOUNT, "'" + m.group(1) + "'"));
            }
        }
        if (has(gates, G_AFFILIATE)) {
            Matcher m = near(triggers.matcher(AFF_DISCLOSE, phrases), firstEnd, G_AFFILIATE);
            if (new PhraseFinder(m, phrases, AFF_DISCLOSE_STARTS).find()) {
                signals.add(new Signal(SignalKind.AFFILIATE_DISCLOSURE, "'" + m.group(1) + "'"));
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

    private static java.util.Optional<String> nameAfter(Triggers triggers, String folded, int end) {
        Matcher m = triggers.matcher(NAME_AFTER, folded);
        if (m.region(end, folded.length()).lookingAt()) {
            String key = Brands.fromName(m.group(1));
            return key.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(key);
        }
        return java.util.Optional.empty();
    }

    private static String positionOf(String lower, String needle) {
        int at = lower.indexOf(needle);
        return at < 0 ? "" : position(at);
    }

    private static String position(int at) {
        return at > FOLD ? " (below the fold, at character " + at + ")" : "";
    }

    /**
     * Starts {@code m} shortly before the group's first trigger word. Transparent bounds let {@code \\b} see the
     * character before the region, so a match is the same as on the whole text.
     */
    private static Matcher near(Matcher m, int[] firstEnd, int group) {
        int from = Math.min(m.regionEnd(), Math.max(0, firstEnd[group] - LOOKBACK[group]));
        return m.region(from, m.regionEnd()).useTransparentBounds(true).useAnchoringBounds(false);
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
