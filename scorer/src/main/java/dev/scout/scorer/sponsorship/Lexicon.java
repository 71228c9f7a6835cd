package dev.scout.scorer.sponsorship;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The disclosure lexicon the {@link SponsorshipDetector} matches: tag sets, phrase patterns (run on lower-case,
 * accent-folded text) and the trigger words that gate each pattern. Sources: FTC "Disclosures 101", CAP/ASA,
 * platform-apis.md §5.2, scoring.md §3.2; other languages' labels as used in Germany, Spain, France, Italy, the
 * Netherlands, the Nordics, Poland and Estonia.
 */
final class Lexicon {

    private Lexicon() {
    }

    static final Set<String> AD_TAGS = Set.of("ad", "ads", "advert", "advertisement", "advertising",
            "sponsored", "sponsor", "sponsoring", "paidpartnership", "paidpartner", "paidad", "paidpromotion",
            "anzeige", "werbung", "reklame", "reklam", "reklaam", "reklama", "publicidad", "publicite", "publi",
            "pubblicita", "annonce", "adv", "sponsorise", "sponsorisee", "sponsorizzato", "sponsorizzata",
            "patrocinado", "patrocinada", "gesponsert", "gesponsord", "advertentie", "betaltsamarbete",
            "betaltsamarbeid");
    static final Set<String> PARTNER_TAGS = Set.of("partner", "partnership", "brandpartner", "collab",
            "collaboration", "ambassador", "brandambassador", "spon", "sp", "affiliate", "aff", "partenariat",
            "partnerschaft", "kooperation", "werbepartner", "colaboracion", "colaboracao", "samarbete", "samarbeid",
            "samenwerking");
    static final Set<String> GIFTED_TAGS = Set.of("gifted", "gift", "pr", "prsample", "prproduct",
            "prpackage", "produitoffert", "geschenkt", "regalo");

    /** Each tag of the three sets above with its signal; a tag in several sets takes the first set's kind. */
    static final Map<String, SignalKind> TAG_KINDS = tagKinds();

    private static Map<String, SignalKind> tagKinds() {
        Map<String, SignalKind> kinds = new HashMap<>();
        AD_TAGS.forEach(t -> kinds.putIfAbsent(t, SignalKind.AD_TAG));
        PARTNER_TAGS.forEach(t -> kinds.putIfAbsent(t, SignalKind.PARTNER_TAG));
        GIFTED_TAGS.forEach(t -> kinds.putIfAbsent(t, SignalKind.GIFTED));
        return Map.copyOf(kinds);
    }

    /** The labels of {@link #AD_LEAD}, for its cheap pre-check; keep the two in step. */
    static final String[] LEAD_LABELS = {"ad", "advert", "advertisement", "advertising", "sponsored",
            "anzeige", "werbung", "publicidad", "publicite", "reklame", "annonce"};

    // The phrase patterns, written for the lower-cased text. They define what the detector finds; it matches them
    // without regexes (LiteralPhrases, PhraseMatchers below), and PhraseOracleTest holds the two to the same matches.
    static final Pattern AD_PHRASE = Pattern.compile("\\b(paid partnership(?: with)?|sponsored by"
            + "|in (?:paid )?partnership with|(?:this|today's) (?:video|post|stream|recipe|episode) is sponsored"
            + "|thanks to .{1,40}? for sponsoring|includes paid promotion|paid promotion|advertisement feature"
            + "|bezahlte partnerschaft|gesponsert von|patrocinado por|sponsorise par|sponsorizzato da)\\b");
    static final Pattern AD_LEAD = Pattern.compile(
            "^\\W{0,3}(ad|advert|advertisement|advertising|sponsored|anzeige|werbung|publicidad|publicite|reklame|annonce)"
            + "\\s*(?:[:|\\-\\u2013\\u2014\\])])");
    static final Pattern PARTNER_PHRASE = Pattern.compile("\\b(in association with|in collaboration with"
            + "|in kooperation mit|en colaboracion con|en partenariat avec|in samenwerking met"
            + "|(?:brand )?ambassador for)\\b");
    static final Pattern THANKS_BRAND = Pattern.compile("\\b(?:thanks to|thank you to|danke an|merci a"
            + "|gracias a)\\s+(@[\\w.-]+(?:@[\\w.-]+)?)"
            + "|\\b(?:thanks|thank you)\\s+(@[\\w.-]+(?:@[\\w.-]+)?)\\s+for\\s+(?:sending|gifting|partnering"
            + "|sponsoring|the (?:free|gifted)|providing|supporting)");
    static final Pattern GIFTED = Pattern.compile("\\b((?:kindly )?gifted (?:to me )?by|kindly gifted"
            + "|sent (?:to )?me by|pr (?:package|sample|product)s?|press sample|produit offert|c/o @[\\w.-]+)");
    /** The code itself must be written in capitals or digits: "use code VEGAN10", not "use code below". */
    static final Pattern PROMO_CODE = Pattern.compile("(?i:\\b(?:code promo|promo code|discount code|code|codigo|coupon|rabattcode"
            + "|gutscheincode|kod))\\s*[:\"'\\u201c]?\\s*([A-Z0-9][A-Z0-9_-]{2,19})\\b");
    static final Pattern DISCOUNT = Pattern.compile("(\\b\\d{1,2}\\s?%\\s?(?:off|rabatt|de descuento"
            + "|de reduction|korting|sconto|discount)\\b|\\bsave \\d{1,2}\\s?%)");
    static final Pattern AFF_DISCLOSE = Pattern.compile("(affiliate links?|as an amazon associate"
            + "|earn (?:a )?(?:small )?commission|commission links?|provisionslinks?|werbelinks?"
            + "|liens? affilies?|enlaces? de afiliados?|links? de afiliados?)");
    // The phrase patterns that are lists of phrases, as the detector matches them (LiteralPhrases): the regexes
    // above spelled out in their order, optional parts longest first. Keep each in step with its regex;
    // PhraseOracleTest checks every list against it. PhraseMatchers does the same for the other patterns.
    static final LiteralPhrases AD_PHRASES = new LiteralPhrases(true, true, "paid partnership with",
            "paid partnership", "sponsored by", "in paid partnership with", "in partnership with",
            "this video is sponsored", "this post is sponsored", "this stream is sponsored", "this recipe is sponsored",
            "this episode is sponsored", "today's video is sponsored", "today's post is sponsored",
            "today's stream is sponsored", "today's recipe is sponsored", "today's episode is sponsored",
            "thanks to .{1,40}? for sponsoring", "includes paid promotion", "paid promotion", "advertisement feature",
            "bezahlte partnerschaft", "gesponsert von", "patrocinado por", "sponsorise par", "sponsorizzato da");
    static final LiteralPhrases PARTNER_PHRASES = new LiteralPhrases(true, true, "in association with",
            "in collaboration with", "in kooperation mit", "en colaboracion con", "en partenariat avec",
            "in samenwerking met", "brand ambassador for", "ambassador for");
    static final LiteralPhrases GIFTED_PHRASES = new LiteralPhrases(true, false, "kindly gifted to me by",
            "kindly gifted by", "gifted to me by", "gifted by", "kindly gifted", "sent to me by", "sent me by",
            "pr packages", "pr package", "pr samples", "pr sample", "pr products", "pr product", "press sample",
            "produit offert", "c/o @[\\w.-]+");
    static final LiteralPhrases AFF_PHRASES = new LiteralPhrases(false, false, "affiliate links", "affiliate link",
            "as an amazon associate", "earn a small commission", "earn a commission", "earn small commission",
            "earn commission", "commission links", "commission link", "provisionslinks", "provisionslink",
            "werbelinks", "werbelink", "liens affilies", "liens affilie", "lien affilies", "lien affilie",
            "enlaces de afiliados", "enlaces de afiliado", "enlace de afiliados", "enlace de afiliado",
            "links de afiliados", "links de afiliado", "link de afiliados", "link de afiliado");

    static final int G_AD = 0;
    static final int G_PARTNER = 1;
    static final int G_THANKS = 2;
    static final int G_GIFT = 3;
    static final int G_CODE = 4;
    static final int G_PERCENT = 5;
    static final int G_AFFILIATE = 6;
    /** Not a sponsorship phrase: the scorer's giveaway check, found in the same pass (see {@link Triggers}). */
    static final int G_GIVEAWAY = 7;
    static final GateScanner TRIGGERS = new GateScanner(triggers());

    /** Trigger word → group, as {@link #TRIGGERS} is built from them. */
    static Map<String, Integer> triggers() {
        Map<String, Integer> t = new HashMap<>();
        for (String w : List.of("sponsor", "partner", "paid", "promotion", "advert", "patrocin", "gesponsert")) {
            t.put(w, G_AD);
        }
        for (String w : List.of("association", "collaboration", "kooperation", "colaboracion", "partenariat",
                "samenwerking", "ambassador")) {
            t.put(w, G_PARTNER);
        }
        for (String w : List.of("thank", "danke", "merci", "gracias")) {
            t.put(w, G_THANKS);
        }
        for (String w : List.of("gift", "sent", "pr ", "press sample", "offert", "c/o")) {
            t.put(w, G_GIFT);
        }
        for (String w : List.of("code", "codigo", "coupon", "kod")) {
            t.put(w, G_CODE);
        }
        t.put("%", G_PERCENT);
        for (String w : List.of("affiliat", "associate", "commission", "provision", "werbelink", "afiliad", "affilie")) {
            t.put(w, G_AFFILIATE);
        }
        for (String w : List.of("giveaway", "gewinnspiel", "sorteo")) {
            t.put(w, G_GIVEAWAY);
        }
        return t;
    }

    /**
     * How far before the end of a group's first trigger word its phrases can begin, in characters; the phrase
     * regex starts there instead of at the start of the text ("thanks to … for sponsoring" is the longest).
     */
    static final int[] LOOKBACK = {70, 25, 10, 20, 20, 12, 30, 0}; // the giveaway group runs no regex
    static final int GROUPS = LOOKBACK.length;

    static boolean has(int mask, int group) {
        return (mask & (1 << group)) != 0;
    }

    /** The name after "sponsored by" and the like; read by {@link PhraseMatchers#nameAfter}, tested against this. */
    static final Pattern NAME_AFTER = Pattern.compile("\\s+(@?[\\w.&'-]+)");

}
