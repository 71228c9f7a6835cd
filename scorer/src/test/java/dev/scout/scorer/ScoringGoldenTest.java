package dev.scout.scorer;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.internal.sponsorship.SponsorshipDetector;
import dev.scout.scorer.internal.text.PostText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static dev.scout.scorer.Profiles.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the scorer's complete output (every score, flag, reason, evidence string and prepared text) on seeded random
 * profiles, fuzzed hostile captions and the labelled caption corpus, so that performance work can prove it changed
 * no behaviour. Each case is stored as a SHA-256 of its {@code toString()} in {@code golden/scoring-golden.txt}.
 *
 * <p>A deliberate behaviour change regenerates the file: run this test with {@code -Dgolden.write=true} from the
 * {@code scorer} directory and commit the new file together with the change that explains it.
 */
class ScoringGoldenTest {

    private static final String RESOURCE = "golden/scoring-golden.txt";
    private static final String[] FRAGMENTS = {
            "vegan", "Tofu", "tempeh", "plant-based", "Plant Based", "#PlantBasedRecipes", "#vegan_food", "#Top10Tips",
            "#ad", "#Ad", "#adventure", "#adidas", "#sponsored", "#gifted", "#collab", "#Werbung", "#publicité",
            "paid partnership with @oatly@brands.example", "Sponsored by Lentilco", "sponsored by the", "thanks to @spiceco",
            "thank you @panco for sending", "Thanks to my friends at Beanery for sponsoring", "in collaboration with",
            "Use code GREEN15", "code: VEGAN10", "use code below", "promo code \"ab12\"", "15% off", "save 20 %",
            "affiliate link", "As an Amazon Associate", "https://amzn.to/3xYz", "https://shop.oatly.example/p?tag=x-20",
            "http://bit.ly/abc).", "HTTPS://WWW.Example.com:8080/x", "@friend", "@tofu_fan", "@Brand.bsky.social",
            "recipes", "berries", "dishes", "leaves", "glass", "boxes", "İstanbul", "ŞEKER", "café", "Crème brûlée",
            "ｖｅｇａｎ", "ﬁsh", "𝐯𝐞𝐠𝐚𝐧", "\u202Ecipe\u202C", "zero\u200Bwidth", "\u0007bell", "🌱", "🍲✨", "👩‍🍳",
            "<b>bold</b>", "=HYPERLINK(\"http://evil.example\")", "AD: ", "Anzeige | ", "c/o @brandy", "PR package",
            "kindly gifted by", "in Kooperation mit", "gesponsert von", "#giveaway", "Gewinnspiel", "ad hoc", "bad",
            "add", "meal prep", "oat milk", "nutritional yeast", "dairy-free", "lentils", "chickpeas", "espresso",
            "Portra 400", "#gamedev", "running", "monstera", ",", ".", "!", "?", "  ", "\n", "\t", "_", "-", "%", "#",
            "@", "ß", "ǅ", "١٢٣", "日本語", "\uD835", "x\u0301",
    };

    @Test
    void scorerOutputIsUnchangedOnSeededProfilesFuzzedCaptionsAndTheCaptionCorpus() throws IOException {
        GoldenFile.assertMatches(cases(), RESOURCE);
    }

    private static Map<String, String> cases() throws IOException {
        StandardScorer scorer = StandardScorer.withDefaults(TestNiches.plantBasedCooking());
        Map<String, String> cases = new LinkedHashMap<>();
        for (long seed = 0; seed < 300; seed++) {
            cases.put("random-" + seed, scorer.score(RandomProfiles.profile(seed)).toString());
        }
        SplittableRandom r = new SplittableRandom(20261126);
        List<String> fuzz = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            fuzz.add(fuzzCaption(r));
        }
        for (int i = 0; i < fuzz.size(); i++) {
            PostText t = PostText.of(fuzz.get(i), i % 3 == 0 ? List.of("#Vegan", "PlantBased", "ad") : List.of());
            cases.put("text-" + i, t.folded() + '|' + t.lower() + '|' + Arrays.toString(t.words().toArray()) + '|'
                    + t.hashtags() + '|' + t.urls() + '|' + t.mentions());
        }
        for (int p = 0; p < 100; p++) {
            cases.put("fuzz-profile-" + p, scorer.score(fuzzProfile(p, r, fuzz)).toString());
        }
        SponsorshipDetector detector = new SponsorshipDetector();
        List<String> corpus = corpus();
        for (int i = 0; i < corpus.size(); i++) {
            String text = corpus.get(i);
            Post post = Post.builder("c" + i, NOW).text(text).build();
            cases.put("corpus-" + i, detector.detect(post, PostText.of(text), "creator", "").toString());
        }
        for (int i = 0; i < corpus.size(); i += 20) {
            List<Post> posts = new ArrayList<>();
            for (int k = i; k < Math.min(corpus.size(), i + 20); k++) {
                posts.add(Post.builder("c" + k, NOW.minus(Duration.ofHours(k))).text(corpus.get(k))
                        .likes(40 + k).replies(k % 7).shares(k % 5).build());
            }
            cases.put("corpus-profile-" + i, scorer.score(new ProfileSnapshot(
                    Profiles.account("corpus" + i, 4_000 + 97L * i).build(), posts, NOW)).toString());
        }
        return cases;
    }

    private static String fuzzCaption(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(1, 25);
        for (int k = 0; k < n; k++) {
            sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
            sb.append(r.nextInt(4) == 0 ? "" : " ");
        }
        return sb.toString();
    }

    private static ProfileSnapshot fuzzProfile(int p, SplittableRandom r, List<String> fuzz) {
        long followers = (long) Math.exp(r.nextDouble(Math.log(500), Math.log(200_000)));
        Account account = Account.builder(ProfileRef.mastodon("fz" + p, "fuzz.example"))
                .handle("fz" + p + "@fuzz.example").displayName("Fuzz " + p)
                .bio(fuzz.get(r.nextInt(fuzz.size())))
                .followers(followers).following(r.nextLong(10, 3_000)).postsCount(r.nextLong(10, 5_000))
                .createdAt(NOW.minus(Duration.ofDays(r.nextLong(10, 3_000)))).hasAvatar(r.nextBoolean()).build();
        List<Post> posts = new ArrayList<>();
        int n = r.nextInt(0, 45);
        for (int i = 0; i < n; i++) {
            long likes = (long) (followers * r.nextDouble(0, 0.07));
            Post.Builder b = Post.builder(p + "-" + i, NOW.minus(Duration.ofHours(5L * i + r.nextInt(5))))
                    .url("https://fuzz.example/@fz" + p + "/" + i)
                    .text(fuzz.get(r.nextInt(fuzz.size())))
                    .likes(likes).replies(likes / (1 + r.nextInt(15))).shares(likes / (1 + r.nextInt(9)))
                    .pinned(i == 0 && r.nextInt(4) == 0).repost(r.nextInt(12) == 0);
            if (r.nextInt(3) == 0) {
                b.hashtags(List.of("vegan", "#Gifted"));
            }
            if (r.nextInt(4) == 0) {
                b.mentions(List.of("@Oatly@brands.example"));
            }
            if (r.nextInt(5) == 0) {
                b.links(List.of("https://rstyle.me/x", "https://www.spiceco.example/shop"));
            }
            posts.add(b.build());
        }
        return new ProfileSnapshot(account, posts, NOW);
    }

    private static List<String> corpus() throws IOException {
        try (InputStream in = ScoringGoldenTest.class.getClassLoader().getResourceAsStream("captions/captions.tsv")) {
            assertThat(in).as("captions/captions.tsv").isNotNull();
            List<String> texts = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cols = line.split("\t", 4);
                if (cols.length == 4 && !line.startsWith("#")) {
                    texts.add(cols[3].replace("\\n", "\n"));
                }
            }
            return texts;
        }
    }
}
