package dev.scout.scorer.sponsorship;

import dev.scout.model.Post;
import dev.scout.scorer.text.CharTable;
import dev.scout.scorer.text.PostText;
import dev.scout.scorer.text.Slices;
import dev.scout.scorer.text.TextScan;

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
    /** The first two characters of each tag (all ASCII, at least two long), as {@code c0 << 7 | c1}. */
    private static final boolean[] TAG_PAIRS = new boolean[128 * 128];

    static {
        for (String tag : TAGS) {
            if (tag.length() < 2 || tag.charAt(0) >= 128 || tag.charAt(1) >= 128) {
                throw new IllegalStateException("tag '" + tag + "' must start with two ASCII characters");
            }
            TAG_PAIRS[tag.charAt(0) << 7 | tag.charAt(1)] = true;
        }
    }

    /** {@link Lexicon#LEAD_LABELS} by their first letter. */
    private static final String[][] LEAD_BY_FIRST = new String[128][];

    static {
        for (String label : LEAD_LABELS) {
            String[] same = LEAD_BY_FIRST[label.charAt(0)];
            same = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
            same[same.length - 1] = label;
            LEAD_BY_FIRST[label.charAt(0)] = same;
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
        int gates = triggers.mask;
        boolean mayLead = mayLeadWithLabel(text);
        boolean labelled = post.platformLabels().contains(Post.LABEL_PAID_PROMOTION);
        int firstTag = -1; // the first hashtag that is a disclosure tag, if any
        for (int k = 0; k < text.hashtags().count() && firstTag < 0; k++) {
            firstTag = tagKind(text, k) >= 0 ? k : -1;
        }
        if (gates == 0 && !mayLead && !labelled && firstTag < 0 && text.urls().isEmpty() && text.mentions().isEmpty()
                && post.links().isEmpty() && post.mentions().isEmpty()) {
            return PostVerdict.NONE; // nothing below could fire: most organic posts end here
        }
        Evidence evidence = new Evidence();
        if (labelled) {
            evidence.signal(SignalKind.PLATFORM_LABEL, "platform label: paid promotion");
        }
        for (int k = Math.max(firstTag, 0); k < text.hashtags().count() && firstTag >= 0; k++) {
            int id = tagKind(text, k);
            if (id >= 0) {
                String tag = TAG_EVIDENCE[id];
                SignalKind kind = TAG_KIND_BY_ID[id];
                evidence.signal(kind, kind == SignalKind.AD_TAG ? positionOf(text, tag) : tag);
            }
        }
        if (mayLead) {
            Matcher lead = triggers.matcher(AD_LEAD, text.lower());
            if (lead.lookingAt()) { // anchored: one attempt, not one per character
                evidence.signal(SignalKind.AD_PHRASE, "'" + lead.group(1) + "' label at the start");
            }
        }
        PhraseSignals.collect(text, triggers, evidence);
        linkSignals(post, text, ownSite, evidence);
        // One mention in the text alone needs no de-duplicating set.
        if (post.mentions().isEmpty() && text.mentions().size() <= 1) {
            if (!text.mentions().isEmpty()) { // indexed: an iterator per post is garbage the JIT does not remove
                mentionSignal(text.mentions().get(0), self, evidence);
            }
        } else {
            for (String mention : mentions(post, text)) {
                mentionSignal(mention, self, evidence);
            }
        }
        return evidence.verdict(self);
    }

    private static void mentionSignal(String mention, String self, Evidence evidence) {
        String key = Brands.fromMention(mention);
        if (!key.isEmpty() && !key.equals(self)) {
            evidence.signal(SignalKind.BRAND_MENTION, "@" + mention);
            evidence.brand(key);
        }
    }

    private static int tagKind(TextScan text, int k) {
        Slices tags = text.hashtags();
        char[] c = tags.chars();
        int start = tags.start(k);
        if (tags.end(k) - start < 2 || c[start] >= 128 || c[start + 1] >= 128
                || !TAG_PAIRS[c[start] << 7 | c[start + 1]]) {
            return -1; // most hashtags (#vegan, #meatfree) start unlike any disclosure tag: no table lookup
        }
        return TAG_TABLE.find(c, start, tags.end(k), tags.hash(k));
    }

    private static void linkSignals(Post post, TextScan text, String ownSite, Evidence evidence) {
        if (post.links().isEmpty() && text.urls().size() <= 1) {
            if (!text.urls().isEmpty()) { // nothing to de-duplicate: skip building the set
                linkSignal(text.urls().get(0), ownSite, evidence);
            }
            return;
        }
        Set<String> links = new LinkedHashSet<>(post.links());
        links.addAll(text.urls());
        for (String link : links) {
            linkSignal(link, ownSite, evidence);
        }
    }

    private static void linkSignal(String link, String ownSite, Evidence evidence) {
        String host = Links.host(link);
        var affiliate = Links.affiliate(link, host);
        if (affiliate.isPresent()) {
            evidence.signal(SignalKind.AFFILIATE_LINK, affiliate.get());
        } else if (Links.isShortenerHost(host)) {
            evidence.signal(SignalKind.SHORTENED_LINK, host + " link");
        }
        Links.brand(link, host, affiliate.isPresent()).filter(b -> !b.equals(ownSite)).ifPresent(evidence::brand);
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

    /** The tag as AD_TAG evidence quotes it: with where it first stands when that is below the fold. */
    private static String positionOf(TextScan text, String tag) {
        char[] t = text.lowerChars();
        char first = tag.charAt(0);
        int last = text.lowerLength() - tag.length();
        for (int at = 0; at <= last; at++) { // String.indexOf on the characters, without building the string
            if (t[at] == first && text.lowerStartsWith(tag, at)) {
                return PhraseSignals.withPosition(tag, at);
            }
        }
        return tag;
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
        String[] labels = k < text.lowerLength() && lower[k] < 128 ? LEAD_BY_FIRST[lower[k]] : null;
        if (labels == null) {
            return false; // most captions: no label starts with this letter
        }
        for (String label : labels) {
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
