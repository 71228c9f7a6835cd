package dev.scout.scorer.sponsorship;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector's hand-written phrase matchers ({@link LiteralPhrases}, {@link PhraseMatchers}) must find exactly
 * what the {@link Lexicon}'s regexes find with {@link Matcher#find()} (transparent bounds, from the same start):
 * the regexes stay the definition, and a regex edited without its matcher fails here.
 */
class PhraseOracleTest {

    /** A hand-written matcher: the next match from {@code from}, its start and end and one group in span. */
    private interface Hand {
        boolean find(char[] t, int len, int from, int[] span);
    }

    private record Case(String name, Pattern pattern, boolean lowerCase, int group, Hand hand) {
    }

    private static final List<Case> CASES = List.of(
            new Case("AD_PHRASE", Lexicon.AD_PHRASE, true, 1, literal(Lexicon.AD_PHRASES)),
            new Case("PARTNER_PHRASE", Lexicon.PARTNER_PHRASE, true, 1, literal(Lexicon.PARTNER_PHRASES)),
            new Case("GIFTED", Lexicon.GIFTED, true, 1, literal(Lexicon.GIFTED_PHRASES)),
            new Case("AFF_DISCLOSE", Lexicon.AFF_DISCLOSE, true, 1, literal(Lexicon.AFF_PHRASES)),
            new Case("THANKS_BRAND", Lexicon.THANKS_BRAND, true, -1, PhraseMatchers::thanks),
            new Case("PROMO_CODE", Lexicon.PROMO_CODE, false, 1, PhraseMatchers::promoCode),
            new Case("DISCOUNT", Lexicon.DISCOUNT, true, 1, PhraseMatchers::discount));

    /** Every alternative of every pattern, near misses, and characters that sit on or change word boundaries. */
    private static final String[] PIECES = {
            "paid partnership", "paid partnership with", "sponsored by", "in partnership with",
            "in paid partnership with", "this video is sponsored", "today's recipe is sponsored",
            "thanks to my friends at beanery for sponsoring", "thanks to", "for sponsoring", "for sponsoringly",
            "includes paid promotion", "paid promotion", "advertisement feature", "bezahlte partnerschaft",
            "gesponsert von", "patrocinado por", "sponsorise par", "sponsorizzato da", "in association with",
            "in collaboration with", "in kooperation mit", "en colaboracion con", "en partenariat avec",
            "in samenwerking met", "brand ambassador for", "ambassador for", "thanks to @oatly", "thank you to @a.b",
            "danke an @x@y.example", "merci a @m", "gracias a @g", "thanks @spice for sending",
            "thank you @pan for the free", "thanks @x@ for gifting", "@x@@y", "for", "the gifted", "sending",
            "kindly gifted by", "kindly gifted", "gifted to me by", "gifted by", "sent to me by", "sent me by",
            "pr packages", "pr sample", "pr products", "press sample", "produit offert", "c/o @brand", "c/o @",
            "code promo X1Y", "CODE PROMO ab", "promo code: ABC", "discount code \"VEG10\"", "code \u201cAB-CD",
            "Use Code GREEN15", "CODIGO HOLA22", "coupon SAVE20", "Rabattcode VEGAN", "Gutscheincode 1234",
            "kod TAK5", "\u212Aod ABC", "use code below", "ABC-", "AB-CDx", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "15% off",
            "20 % rabatt", "10%de descuento", "5% korting", "123% off", "% offer", "save 30%", "save 5 %", "save",
            "affiliate link", "affiliate links", "as an amazon associate", "earn a small commission",
            "earn commission", "commission links", "provisionslinks", "werbelink", "liens affilies", "lien affilie",
            "enlaces de afiliados", "links de afiliado", "xpaid partnership", "_sponsored by", "9sponsored by",
            "é", "ü", "x\u0301", "\u0301", "\u0301\u0301", "_", "-", ".", "&", "'", "\"", ":", "#", "@", "\n", "\r",
            "\t", "\u0085", "\u2028", "\u00a0", "🌱", "\uD835\uDC00", "\uD835", "\uDC00", "1", "42", "unsponsored",
            "grandpa", "adsponsored by", "Ｖ", "İ", "ß", "K", "x", "by",
    };

    @Test
    void handMatchersFindWhatTheRegexesFind() throws IOException {
        List<String> texts = new ArrayList<>(corpus());
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 6_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(1, 14); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]).append(r.nextInt(3) == 0 ? "" : " ");
            }
            texts.add(sb.toString());
        }
        for (String piece : PIECES) {
            texts.add(piece);
        }
        int compared = 0;
        for (Case c : CASES) {
            for (String raw : texts) {
                String text = c.lowerCase() ? raw.toLowerCase(Locale.ROOT) : raw;
                for (int from : new int[] {0, 1, text.length() / 3, Math.max(0, text.length() - 9)}) {
                    from = Math.min(from, text.length());
                    assertThat(viaHand(c, text, from)).as("%s on '%s' from %d", c.name(), text, from)
                            .isEqualTo(viaRegex(c, text, from));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(100_000);
    }

    @Test
    void nameAfterReadsWhatItsRegexReads() {
        SplittableRandom r = new SplittableRandom(5);
        String[] bits = {" ", "  ", "\t", "@", "@@", "oatly", "o'neil", "b&j", "x.y", "-", "é", "\u00a0", "!", ""};
        Matcher m = Lexicon.NAME_AFTER.matcher("");
        int[] span = new int[4];
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(0, 6); k > 0; k--) {
                sb.append(bits[r.nextInt(bits.length)]);
            }
            String text = sb.toString();
            char[] t = text.toCharArray();
            for (int at = 0; at <= text.length(); at++) {
                boolean expected = m.reset(text).region(at, text.length()).lookingAt();
                boolean found = PhraseMatchers.nameAfter(t, t.length, at, span);
                assertThat(found).as("'%s' at %d", text, at).isEqualTo(expected);
                if (expected) {
                    assertThat(text.substring(span[0], span[1])).as("'%s' at %d", text, at).isEqualTo(m.group(1));
                }
            }
        }
    }

    @Test
    void rejectsAPhraseThatCannotFollowTheOpeningWordBoundary() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LiteralPhrases(true, true, "#ad"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#ad");
    }

    private static Hand literal(LiteralPhrases phrases) {
        return (t, len, from, span) -> phrases.find(t, len, from, span) >= 0;
    }

    private static List<String> viaRegex(Case c, String text, int from) {
        Matcher m = c.pattern().matcher(text).region(from, text.length()).useTransparentBounds(true)
                .useAnchoringBounds(false);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String group = c.group() > 0 ? m.group(c.group()) : m.group(1) != null ? m.group(1) : m.group(2);
            found.add(m.start() + "-" + m.end() + ":" + group);
        }
        return found;
    }

    private static List<String> viaHand(Case c, String text, int from) {
        char[] t = text.toCharArray();
        int[] span = new int[4];
        List<String> found = new ArrayList<>();
        int pos = from;
        while (pos < t.length && c.hand().find(t, t.length, pos, span)) {
            boolean whole = c.group() > 0 && c.pattern() != Lexicon.PROMO_CODE;
            String group = whole ? text.substring(span[0], span[1]) : text.substring(span[2], span[3]);
            found.add(span[0] + "-" + span[1] + ":" + group);
            pos = Math.max(span[1], span[0] + 1);
        }
        return found;
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = PhraseOracleTest.class.getResourceAsStream("/captions/captions.tsv")) {
            assertThat(in).isNotNull();
            List<String> texts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split("\t", 4);
                if (f.length == 4) {
                    texts.add(f[3]);
                }
            }
            return texts;
        }
    }
}
