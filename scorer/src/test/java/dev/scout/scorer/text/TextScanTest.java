package dev.scout.scorer.text;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextScanTest {

    private static final List<String> TEXTS = List.of(
            "Crispy #TofuBowls with @chef@food.example, recipe https://blog.example/tofu. Lentils!",
            "İstanbul ΣΑΣ café 🌱✨ \u202Eevil\u202C", "", "#vegan #VEGAN #vegan_food", "a\nb\tc");

    @Test
    void oneInstanceReusedGivesWhatAFreshOneGives() {
        TextScan reused = new TextScan();
        for (int round = 0; round < 2; round++) {
            for (String text : TEXTS) {
                assertThat(describe(PostText.from(reused.scan(text, List.of("vegan", "#MeatFree")))))
                        .isEqualTo(describe(PostText.from(new TextScan().scan(text, List.of("vegan", "#MeatFree")))));
            }
        }
    }

    @Test
    void loadingAPostTextGivesItBack() {
        for (String text : TEXTS) {
            PostText p = PostText.of(text, List.of("PlantBased"));
            assertThat(describe(PostText.from(new TextScan().load(p)))).isEqualTo(describe(p));
        }
    }

    @Test
    void wordHashesAreTheWordsStringHashes() {
        TextScan t = new TextScan().scan("Berries and dishes, #PlantBasedRecipes", List.of());
        for (int k = 0; k < t.words().count(); k++) {
            String word = t.words().get(k);
            assertThat(t.words().hash(k)).as(word).isEqualTo(word.hashCode());
        }
        assertThat(PostText.from(t).words()).containsExactly("berry", "and", "dish", "plant", "based", "recipe");
    }

    private static String describe(PostText p) {
        return p.folded() + '|' + p.lower() + '|' + Arrays.toString(p.words()) + '|' + p.hashtags() + '|' + p.urls()
                + '|' + p.mentions();
    }
}
