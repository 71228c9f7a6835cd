package dev.scout.scorer.internal.sponsorship;

import dev.scout.model.Post;
import dev.scout.scorer.internal.text.PostText;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Layered, explainable brand-partnership detector for one post (platform-apis.md §5.2, scoring.md §3.6).
 *
 * <p>Layers: the platform's paid-promotion label; the {@link PhraseTable}'s hashtags, labels and phrases — explicit
 * disclosures (#ad, "paid partnership with", "Anzeige:", #werbung, #publicidad, #sponsorisé …), vague partnership
 * tags and phrases (#collab, #gifted, "thanks to @brand", "in Kooperation mit") and affiliate evidence ("use code
 * X", "20% off", "affiliate link"); affiliate hosts and parameters in links; and brand mentions. A post is
 * sponsored when it has a strong signal, or two distinct medium kinds, or a vague or affiliate signal together
 * with a brand mention. Text is matched after folding, so {@code #publicité} and {@code #publicite} are the same
 * tag; tags match whole, so #adventure and #adidas are not #ad. Every matched string is kept as evidence.
 * Immutable and thread-safe.
 */
public final class SponsorshipDetector {

    /** Characters before which FTC expects a disclosure ("above the fold", scoring.md §3.1). */
    public static final int FOLD = 125;

    private final PhraseMatcher phrases;

    /** A detector of the shipped {@link PhraseTable}. */
    public SponsorshipDetector() {
        this(PhraseTable.shipped());
    }

    public SponsorshipDetector(PhraseTable table) {
        this.phrases = new PhraseMatcher(table);
    }

    /**
     * @param post     the post (labels, structured mentions and links)
     * @param text     the post's prepared text
     * @param self     the profile's own brand key (its user name), never counted as a brand
     * @param ownSite  brand key of the profile's own website, never counted as a brand ("" when none)
     */
    public PostVerdict detect(Post post, PostText text, String self, String ownSite) {
        boolean labelled = post.platformLabels().contains(Post.LABEL_PAID_PROMOTION);
        List<PhraseMatcher.Found> found = phrases.find(text);
        if (!labelled && found.isEmpty() && !hasTableTag(text) && text.urls().isEmpty() && text.mentions().isEmpty()
                && post.links().isEmpty() && post.mentions().isEmpty()) {
            return PostVerdict.NONE; // nothing below could fire: most organic posts end here
        }
        Evidence evidence = new Evidence();
        if (labelled) {
            evidence.signal(SignalKind.PLATFORM_LABEL, "platform label: paid promotion");
        }
        for (int k = 0; k < text.hashtags().size(); k++) {
            String tag = text.hashtags().get(k);
            PhraseTable.Phrase row = phrases.tag(tag);
            if (row != null) {
                String quoted = "#" + tag;
                evidence.signal(row.kind(), row.strength(), isClear(row) ? withPosition(quoted, text.lower()
                        .indexOf(quoted)) : quoted);
            }
        }
        // Loops by index here and below: an iterator per post showed in profiles.
        for (int k = 0; k < found.size(); k++) {
            phraseSignal(found.get(k), text, evidence);
        }
        List<String> links = post.links().isEmpty() && text.urls().size() <= 1 ? text.urls() : links(post, text);
        for (int k = 0; k < links.size(); k++) {
            linkSignal(links.get(k), ownSite, evidence);
        }
        List<String> mentions = post.mentions().isEmpty() && text.mentions().size() <= 1 ? text.mentions()
                : mentions(post, text);
        for (int k = 0; k < mentions.size(); k++) {
            String mention = mentions.get(k);
            String key = Brands.fromMention(mention);
            if (!key.isEmpty() && !key.equals(self)) {
                evidence.signal(SignalKind.BRAND_MENTION, "@" + mention);
                evidence.brand(key);
            }
        }
        return evidence.verdict(self);
    }

    private boolean hasTableTag(PostText text) {
        for (int k = 0; k < text.hashtags().size(); k++) {
            if (phrases.tag(text.hashtags().get(k)) != null) {
                return true;
            }
        }
        return false;
    }

    /** The signal of one phrase match, and the brand it names: a handle in it, or a name just after it. */
    private static void phraseSignal(PhraseMatcher.Found f, PostText text, Evidence evidence) {
        PhraseTable.Phrase row = f.phrase();
        Template.Match m = f.match();
        String matched = text.lower().substring(m.start(), m.end());
        if (f.template().isLabel()) {
            evidence.signal(row.kind(), row.strength(), "'" + matched + "' label at the start");
        } else if (m.code() != null) {
            evidence.signal(row.kind(), row.strength(), "code " + m.code());
            evidence.code(m.code());
        } else {
            String quoted = "'" + matched + "'";
            evidence.signal(row.kind(), row.strength(), isClear(row) ? withPosition(quoted, m.start()) : quoted);
        }
        if (m.handle() != null) {
            evidence.brand(Brands.fromMention(m.handle()));
        } else if (!f.template().isLabel() && (row.kind() == SignalKind.AD_PHRASE
                || row.kind() == SignalKind.PARTNER_PHRASE)) {
            String name = nameAfter(text.lower(), m.end());
            if (!name.isEmpty()) {
                evidence.brand(Brands.fromName(name));
            }
        }
    }

    private static boolean isClear(PhraseTable.Phrase row) {
        return row.kind().disclosure() == SignalKind.Disclosure.CLEAR;
    }

    /** {@code evidence} with a note when it stands below the fold, after {@link #FOLD}. */
    private static String withPosition(String evidence, int at) {
        return at > FOLD ? evidence + " (below the fold, at character " + at + ")" : evidence;
    }

    /** The name after "sponsored by" and the like: after spaces, an optional {@code @} and {@code [\w.&'-]+}. */
    private static String nameAfter(String lower, int at) {
        int start = at;
        while (start < lower.length() && Character.isWhitespace(lower.charAt(start))) {
            start++;
        }
        int end = start < lower.length() && lower.charAt(start) == '@' ? start + 1 : start;
        int nameStart = end;
        while (end < lower.length() && isNameChar(lower.charAt(end))) {
            end++;
        }
        return start == at || end == nameStart ? "" : lower.substring(start, end);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_.&'-".indexOf(c) >= 0;
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

    /** The post's structured links and the URLs in its text, each once. */
    private static List<String> links(Post post, PostText text) {
        Set<String> links = new LinkedHashSet<>(post.links());
        links.addAll(text.urls());
        return List.copyOf(links);
    }

    /**
     * The accounts a post mentions, by name. A Bluesky mention arrives twice: as the facet's DID in
     * {@code post.mentions()} and as the {@code @handle} the facet covers in the text. The DID is an opaque id
     * that names no brand, so it is skipped; counting it would make every Bluesky partner two brands.
     */
    private static List<String> mentions(Post post, PostText text) {
        Set<String> all = new LinkedHashSet<>();
        for (String m : post.mentions()) {
            String name = (m.startsWith("@") ? m.substring(1) : m).toLowerCase(Locale.ROOT);
            if (!Brands.isDid(name)) {
                all.add(name);
            }
        }
        all.addAll(text.mentions());
        return List.copyOf(all);
    }
}
