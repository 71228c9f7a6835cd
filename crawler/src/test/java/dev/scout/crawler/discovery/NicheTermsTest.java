package dev.scout.crawler.discovery;

import dev.scout.model.Post;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NicheTermsTest {
    private static final NicheTerms PLANT_BASED = NicheTerms.of(
            List.of("#Vegan", "plantbased", "veganrecipes"),
            List.of("Plant-based", "plant based", "tofu", "oat milk", "vegan recipe"));

    private static Post post(String text, List<String> tags) {
        return Post.builder("1", Instant.parse("2026-11-01T00:00:00Z")).text(text).hashtags(tags).build();
    }

    @Test
    void aNicheHashtagMakesANichePostWhateverItsCase() {
        assertThat(PLANT_BASED.matches(post("dinner", List.of("VEGAN")))).isTrue();
        assertThat(PLANT_BASED.hashtags()).containsExactlyInAnyOrder("vegan", "plantbased", "veganrecipes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Crispy TOFU bites tonight                 | true",
            "Switched to oat milk in my flat white     | true",
            "A plant-based chili                       | true",
            "Repotting a house plant, based on advice  | false",
            "My tofurkey review                        | false",
            "New coffee recipe: the perfect V60        | false",
            "Notes on #VeganRecipes this week          | true",
    })
    void keywordsMatchWholeWordsOnlySoNeighbouringNichesDoNotLeakIn(String text, boolean niche) {
        assertThat(PLANT_BASED.matches(post(text, List.of()))).isEqualTo(niche);
    }

    @Test
    void bioTextIsMatchedTheSameWay() {
        assertThat(PLANT_BASED.matchesText("Cook. Tofu fan. she/her")).isTrue();
        assertThat(PLANT_BASED.matchesText("Runner, 5k PBs")).isFalse();
        assertThat(PLANT_BASED.matchesText("")).isFalse();
    }
}
