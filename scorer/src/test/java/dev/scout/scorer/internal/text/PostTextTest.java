package dev.scout.scorer.internal.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PostTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "#PlantBasedRecipes                     | plant based recipe",
            "#plant_based_food                      | plant based food",
            "#Top10Tips                             | top 10 tip",
            "#VEGANFood                             | vegan food",
            "Chickpeas, lentils & berries!          | chickpea lentil berry",
            "Crème brûlée, végétalien               | creme brulee vegetalien",
            "𝐯𝐞𝐠𝐚𝐧 ｔｏｆｕ                            | vegan tofu",
            "to\u200Bfu and tem\u200Epeh             | tofu and tempeh",
            "ask @tofu_fan@cooking.example about it | ask about it",
            "see https://tofu.example/x for tofu    | see for tofu",
            "dishes boxes tomatoes glass hummus     | dish box tomato glass hummus",
    })
    void tokenisesHostileTextIntoComparableWords(String text, String expected) {
        assertThat(String.join(" ", PostText.of(text).words().toArray())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Tofu #Vegan #PlantBased                | vegan plantbased",
            "#publicité et #ANZEIGE                 | publicite anzeige",
            "url https://x.example/a#ad is no tag   | ''",
            "C# and #1 and # alone                  | 1",
    })
    void collectsWholeHashtagsFolded(String text, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertThat(PostText.of(text).hashtags()).containsExactlyInAnyOrderElementsOf(want);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "buy here: https://amzn.to/abc. thanks   | https://amzn.to/abc",
            "(https://shop.example/p?tag=x-20)      | https://shop.example/p?tag=x-20",
    })
    void extractsUrlsWithoutTrailingPunctuation(String text, String url) {
        assertThat(PostText.of(text.replace("(", "( ")).urls()).containsExactly(url);
    }

    @org.junit.jupiter.api.Test
    void structuredHashtagsJoinTheTextTags() {
        PostText t = PostText.of("dinner", List.of("#MeatFree", "vegan"));
        assertThat(t.hashtags()).containsExactlyInAnyOrder("meatfree", "vegan");
        assertThat(t.words().toArray()).containsExactly("dinner", "meat", "free", "vegan");
    }
}
