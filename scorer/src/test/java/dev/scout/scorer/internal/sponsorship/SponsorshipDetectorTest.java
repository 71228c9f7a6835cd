package dev.scout.scorer.internal.sponsorship;

import dev.scout.model.Post;
import dev.scout.scorer.internal.text.PostText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SponsorshipDetectorTest {

    private final SponsorshipDetector detector = new SponsorshipDetector();

    private PostVerdict detect(String text) {
        return detector.detect(Post.builder("p", Instant.EPOCH).text(text).build(), PostText.of(text), "me", "mysite");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // text                                                        | sponsored | disclosure | brands
            "#ad tofu from @oatly                                          | true  | clear     | oatly",
            "Paid partnership with @soyco: tempeh                          | true  | clear     | soyco",
            "Sponsored by Lentilco, thanks!                                 | true  | clear     | lentilco",
            "Sponsored by the lovely people at Lentilco                    | true  | clear     | ''",
            "Anzeige: Hafer                                                | true  | clear     | ''",
            "#publicité granola                                            | true  | clear     | ''",
            "#collab with @spoon                                           | true  | ambiguous | spoon",
            "#collab on my own recipes                                     | false | n/a       | ''",
            "Thanks to @nutco for the goodies                              | true  | ambiguous | nutco",
            "c/o @linen tablecloth                                         | true  | ambiguous | linen",
            "Use code VEGAN10 for 10% off                                  | true  | none      | code VEGAN10",
            "Use code VEGAN10 at @shop                                     | true  | none      | shop",
            "use code below                                                | false | n/a       | ''",
            "https://amzn.to/x and my code TOFU5                           | true  | none      | code TOFU5",
            "https://amzn.to/x (affiliate link)                            | true  | ambiguous | ''",
            "The pan I use (via @panco): https://amzn.to/x                 | true  | none      | panco",
            "https://amzn.to/x                                             | false | n/a       | ''",
            "#adventure time                                               | false | n/a       | ''",
            "Ad hoc dinner: tofu                                           | false | n/a       | ''",
            "add the chickpeas                                             | false | n/a       | ''",
            "bad tofu day                                                  | false | n/a       | ''",
            "#adidas on the run                                            | false | n/a       | ''",
            "30% less oil                                                  | false | n/a       | ''",
            "thanks @anna for the idea                                     | false | n/a       | ''",
            "#gifted #collab thanks mum                                    | true  | ambiguous | ''",
            "#ad by @me about my own shop https://mysite.example/shop      | true  | clear     | ''",
            // phrases are read in the caption's words, never inside a handle or a link (as niche terms are)
            "@friend save 20 % today                                       | true  | none      | friend",
            "@save 20 % today                                              | false | n/a       | ''",
            "https://shop.example/sponsored by @lentilco                   | false | n/a       | ''",
            "https://shop.example/x sponsored by @lentilco                 | true  | clear     | lentilco,shop",
    })
    void classifiesCaptions(String text, boolean sponsored, String disclosure, String brands) {
        PostVerdict v = detect(text);
        assertThat(v.sponsored()).as(v.signals().toString()).isEqualTo(sponsored);
        assertThat(v.disclosure()).isEqualTo(disclosure);
        assertThat(v.brands()).containsExactlyElementsOf(brands.isEmpty() ? List.of() : List.of(brands.split(",")));
    }

    @Test
    void blueskyMentionCountsOnceNotAgainAsItsDid() {
        String text = "Ad: smoky tofu bowl. Made with @tofutown.sky.example";
        Post post = Post.builder("p", Instant.EPOCH).text(text)
                .mentions(List.of("did:plc:cgzacs3kuzqsw6ybxqsb7j43")).build();
        PostVerdict v = detector.detect(post, PostText.of(text), "me", "");
        assertThat(v.sponsored()).isTrue();
        assertThat(v.brands()).containsExactly("tofutown");
    }

    @Test
    void platformPaidPromotionLabelIsAStrongSignal() {
        Post post = Post.builder("p", Instant.EPOCH).text("new video").platformLabels(List.of(Post.LABEL_PAID_PROMOTION))
                .build();
        PostVerdict v = detector.detect(post, PostText.of(post.text()), "me", "");
        assertThat(v.sponsored()).isTrue();
        assertThat(v.signals()).extracting(Signal::kind).containsExactly(SignalKind.PLATFORM_LABEL);
    }

    @Test
    void disclosureBuriedBelowTheFoldIsNoted() {
        String text = "x".repeat(150) + " #ad";
        assertThat(detect(text).signals().get(0).evidence()).isEqualTo("#ad (below the fold, at character 151)");
    }

    @Test
    void structuredMentionsAndLinksCount() {
        Post post = Post.builder("p", Instant.EPOCH).text("new pan #gifted").mentions(List.of("panco@shop.example"))
                .links(List.of("https://shop.panco.example/pan")).build();
        PostVerdict v = detector.detect(post, PostText.of(post.text()), "me", "");
        assertThat(v.sponsored()).isTrue();
        assertThat(v.brands()).containsExactly("panco");
    }
}
