package dev.scout.scorer.internal.text;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PostText#of} takes a fast path for plain text ({@link FastTokenizer}); the plain path
 * ({@link PostText#plain}) defines the result. These tests compare the two field by field.
 */
class FastPathTest {

    /** The captions of the scorer benchmark (bench module's ScorerBenchmark), copied: its text is what is timed. */
    private static final String[] BENCHMARK_CAPTIONS = {
            "Crispy tofu bowls with peanut sauce, ready in 25 minutes. Full recipe on the blog! #vegan #PlantBasedRecipes",
            "Red lentil dal for cold evenings 🍲 with coconut milk and lots of ginger #veganfood #meatfree",
            "Sunday meal prep: chickpeas three ways, roasted, curried and smashed on toast. Which one first?",
            "Paid partnership with @oatly@brands.example: oat milk porridge with berries #ad",
            "Use code GREEN15 for 15% off my favourite protein https://amzn.to/3xYzAbC",
            "Morning walk by the river, then a big pot of soup. Nothing else planned today.",
            "Thanks to @spiceco@shop.example for the goodies! Chana masala tonight #gifted",
            "=HYPERLINK(\"http://evil.example\") \u202Ecipe\u202C <b>bold</b> tempeh tacos ✨✨",
            "Dairy-free cheesecake with cashews and nutritional yeast... trust me on this one",
            "Answering your questions about protein on a plant-based diet: thread below 🧵",
            "Plant-based recipes from a small kitchen 🌱 Business: cook7@mail.example",
    };

    /** Pieces of plain text, each of which the fast path takes. */
    private static final String[] PIECES = {"tofu", "Tofu", "TOFU", "berries", "Dishes", "boxes", "glasses", "bus",
            "ties", "hummus", "oats", "25", "GREEN15", "#CamelCase", "#snake_case", "#Top10Tips", "#ALLCAPSWord",
            "#_under", "#tag_", "#10", "#", "# ", "@user", "@user@host.example", "@_x", "@", "@@a", "@user.",
            "http://a.example/x", "https://b.example/p?q=1.", "(https://c.example/y)", "https://d.example/z!?",
            "HTTPS://E.EXAMPLE", "http:/x", "xhttp://y", "http", "https", "h", ".", ",", "!", "?", "...", "(", ")",
            "\"", "'", "&", "-", "_", "=", "<b>", "%", "  ", " ", " ", " ", "\n", "\t", "\r\n", "\u0007", "\u007F",
            "🌱", "✨", "👩\u200D🍳", "❤\uFE0F", "\u202E", "\u202C", "\u200B", "\u200E", "\u0085", "©", "×", "€"};

    @Test
    void fastPathGivesThePlainResultForRandomPlainText() {
        SplittableRandom r = new SplittableRandom(17);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder text = new StringBuilder();
            for (int n = r.nextInt(25); n > 0; n--) {
                text.append(PIECES[r.nextInt(PIECES.length)]);
                if (r.nextInt(3) > 0) {
                    text.append(' ');
                }
            }
            List<String> structured = r.nextInt(4) == 0 ? List.of()
                    : List.of(PIECES[r.nextInt(PIECES.length)], "vegan", "#MeatFree");
            assertFastEqualsPlain(text.toString(), structured);
        }
    }

    @Test
    void fastPathTakesTheBenchmarkCaptionsAndGivesThePlainResult() {
        for (String caption : BENCHMARK_CAPTIONS) {
            assertThat(FastTokenizer.tokenize(caption, List.of())).as(caption).isNotNull();
            assertFastEqualsPlain(caption, List.of("vegan"));
        }
    }

    @Test
    void postTextOfGivesThePlainResultForTheCaptionCorpus() throws IOException {
        for (String caption : corpusCaptions()) {
            assertSameResult(caption, PostText.of(caption, List.of("vegan")), PostText.plain(caption, List.of("vegan")));
        }
    }

    @Test
    void postTextOfGivesThePlainResultForRandomTextInManyScripts() {
        SplittableRandom r = new SplittableRandom(42);
        for (int k = 0; k < 5_000; k++) {
            String caption = RandomText.caption(r);
            assertSameResult(caption, PostText.of(caption, List.of()), PostText.plain(caption, List.of()));
        }
    }

    /**
     * Every code point of the first two planes, where the fast path looks up what each one is in a table, and a
     * sample of the rest, so that neither the table nor the rule it is worked out by can disagree with the plain path.
     */
    @Test
    void fastPathGivesThePlainResultForEveryCodePointBetweenWords() {
        int taken = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x20000 ? 1 : 61) {
            String text = "Tofu" + Character.toString(cp) + "bowl #Vegan" + Character.toString(cp) + " x";
            PostText fast = FastTokenizer.tokenize(text, List.of());
            if (fast != null) {
                assertSameResult(text, fast, PostText.plain(text, List.of()));
                taken++;
            }
        }
        assertThat(taken).as("code points the fast path takes (emoji and other symbols)").isGreaterThan(5_000);
    }

    @Test
    void fastPathLeavesAccentedLettersAndNonAsciiSpacesToThePlainPath() {
        for (String text : List.of("café", "ｔｏｆｕ", "a\u00A0b", "a\u2028b", "Ⓐ", "e\u0301", "µ", "ΣΑΣ")) {
            assertThat(FastTokenizer.tokenize(text, List.of())).as(text).isNull();
        }
    }

    @Test
    void emptyAndMissingTextGiveNoWords() {
        assertFastEqualsPlain("", List.of());
        assertThat(PostText.of(null).words().count()).isZero();
    }

    private static void assertFastEqualsPlain(String text, List<String> structured) {
        PostText fast = FastTokenizer.tokenize(text, structured);
        assertThat(fast).as("taken by the fast path: %s", text).isNotNull();
        assertSameResult(text, fast, PostText.plain(text, structured));
    }

    private static void assertSameResult(String text, PostText actual, PostText plain) {
        assertThat(actual.folded()).as("folded %s", text).isEqualTo(plain.folded());
        assertThat(actual.lower()).as("lower %s", text).isEqualTo(plain.lower());
        assertThat(actual.words().toArray()).as("words %s", text).containsExactly(plain.words().toArray());
        assertThat(actual.hashtags()).as("hashtags %s", text).containsExactlyElementsOf(plain.hashtags());
        assertThat(actual.urls()).as("urls %s", text).containsExactlyElementsOf(plain.urls());
        assertThat(actual.mentions()).as("mentions %s", text).containsExactlyElementsOf(plain.mentions());
    }

    private static List<String> corpusCaptions() throws IOException {
        List<String> captions = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                FastPathTest.class.getResourceAsStream("/captions/captions.tsv"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split("\t", 4);
                if (fields.length == 4) {
                    captions.add(fields[3]);
                }
            }
        }
        assertThat(captions).hasSizeGreaterThan(100);
        return captions;
    }
}
