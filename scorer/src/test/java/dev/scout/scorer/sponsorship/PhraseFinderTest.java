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
 * {@link PhraseFinder} must find exactly what {@link Matcher#find()} finds for every phrase pattern of the
 * {@link Lexicon}; this also catches a pattern edited without updating its start characters.
 */
class PhraseFinderTest {

    private record Case(String name, Pattern pattern, PhraseFinder.Starts starts, boolean lowerCase) {
    }

    private static final List<Case> CASES = List.of(
            new Case("AD_PHRASE", Lexicon.AD_PHRASE, Lexicon.AD_PHRASE_STARTS, true),
            new Case("PARTNER_PHRASE", Lexicon.PARTNER_PHRASE, Lexicon.PARTNER_PHRASE_STARTS, true),
            new Case("THANKS_BRAND", Lexicon.THANKS_BRAND, Lexicon.THANKS_BRAND_STARTS, true),
            new Case("GIFTED", Lexicon.GIFTED, Lexicon.GIFTED_STARTS, true),
            new Case("PROMO_CODE", Lexicon.PROMO_CODE, Lexicon.PROMO_CODE_STARTS, false),
            new Case("DISCOUNT", Lexicon.DISCOUNT, Lexicon.DISCOUNT_STARTS, true),
            new Case("AFF_DISCLOSE", Lexicon.AFF_DISCLOSE, Lexicon.AFF_DISCLOSE_STARTS, true));

    /** Every alternative of every pattern, plus near misses and characters that sit on word boundaries. */
    private static final String[] PIECES = {
            "paid partnership", "paid partnership with", "sponsored by", "in partnership with",
            "in paid partnership with", "this video is sponsored", "today's recipe is sponsored",
            "thanks to my friends at beanery for sponsoring", "includes paid promotion", "paid promotion",
            "advertisement feature", "bezahlte partnerschaft", "gesponsert von", "patrocinado por", "sponsorise par",
            "sponsorizzato da", "in association with", "in collaboration with", "in kooperation mit",
            "en colaboracion con", "en partenariat avec", "in samenwerking met", "brand ambassador for",
            "ambassador for", "thanks to @oatly", "thank you to @a.b", "danke an @x@y.example", "merci a @m",
            "gracias a @g", "thanks @spice for sending", "thank you @pan for the free", "kindly gifted by",
            "gifted to me by", "gifted by", "sent to me by", "sent me by", "pr packages", "pr sample", "press sample",
            "produit offert", "c/o @brand", "code promo X1Y", "promo code: ABC", "discount code \"VEG10\"",
            "Use Code GREEN15", "CODIGO HOLA22", "coupon SAVE20", "Rabattcode VEGAN", "Gutscheincode 1234", "kod TAK5",
            "use code below", "15% off", "20 % rabatt", "10%de descuento", "5% korting", "save 30%", "save 5 %",
            "affiliate link", "affiliate links", "as an amazon associate", "earn a small commission",
            "earn commission", "commission links", "provisionslinks", "werbelink", "liens affilies", "lien affilie",
            "enlaces de afiliados", "links de afiliado", "xpaid partnership", "_sponsored by", "9sponsored by",
            "é", "ü", "x\u0301", "_", "-", "'", "#", "@", ":", "\n", "🌱", "1", "42", "unsponsored", "grandpa",
            "adsponsored by", "Ｖ", "İ", "ß",
    };

    @Test
    void findsTheSameMatchesAsMatcherFindForEveryPhrasePattern() throws IOException {
        List<String> texts = new ArrayList<>(corpus());
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 3_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(1, 12); k > 0; k--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]).append(r.nextInt(3) == 0 ? "" : " ");
            }
            texts.add(sb.toString());
        }
        int compared = 0;
        for (Case c : CASES) {
            for (String raw : texts) {
                String text = c.lowerCase() ? raw.toLowerCase(Locale.ROOT) : raw;
                for (int from : new int[] {0, text.length() / 3, Math.max(0, text.length() - 9)}) {
                    assertThat(viaFinder(c, text, from)).as("%s on '%s' from %d", c.name(), text, from)
                            .isEqualTo(viaFind(c, text, from));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void everyPieceThatMatchesIsFoundFromTheStartOfTheText() {
        for (Case c : CASES) {
            for (String piece : PIECES) {
                String text = c.lowerCase() ? piece.toLowerCase(Locale.ROOT) : piece;
                assertThat(viaFinder(c, text, 0)).as("%s on '%s'", c.name(), text).isEqualTo(viaFind(c, text, 0));
            }
        }
    }

    private static Matcher matcher(Case c, String text, int from) {
        return c.pattern().matcher(text).region(from, text.length()).useTransparentBounds(true)
                .useAnchoringBounds(false);
    }

    private static List<String> viaFind(Case c, String text, int from) {
        Matcher m = matcher(c, text, from);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return found;
    }

    private static List<String> viaFinder(Case c, String text, int from) {
        Matcher m = matcher(c, text, from);
        PhraseFinder f = new PhraseFinder(m, text, c.starts());
        List<String> found = new ArrayList<>();
        while (f.find()) {
            found.add(m.start() + "-" + m.end() + ":" + m.group());
        }
        return found;
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = PhraseFinderTest.class.getResourceAsStream("/captions/captions.tsv")) {
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
