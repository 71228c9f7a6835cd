package dev.scout.scorer.niche;

import dev.scout.scorer.TestNiches;
import dev.scout.scorer.NicheSpec;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.text.PostText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NicheMatcherTest {

    private static final NicheTaxonomy TAXONOMY = NicheTaxonomy.load();
    private final NicheAnalyzer analyzer = new NicheAnalyzer(TestNiches.plantBasedCooking(), TAXONOMY);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Crispy tofu with rice                          | true",
            "#PlantBasedRecipes for busy weeks              | true",
            "plant-based comfort food                       | true",
            "Plant Based burgers                            | true",
            "Dairy‑free cheesecake                          | true",
            "VEGAN!!!                                       | true",
            "red LENTILS and Chickpeas                      | true",
            "Repotting my plant today, the roots were huge  | false",
            "New coffee recipe: the perfect V60             | false",
            "A recipe for sourdough                         | false",
            "Oat latte and a croissant                      | false",
            "@tofu_lover@food.example said hi               | false",
    })
    void matchesTheTargetNicheOnWholeTokensOnly(String text, boolean expected) {
        ScoredProfile.Niche n = analyzer.analyze(List.of(PostText.of(text)), PostText.of(""));
        assertThat(n.share() == 1.0).as(n.evidence().toString()).isEqualTo(expected);
    }

    /** Lower-casing "ΟΔΟΣ" alone gives "οδος"; cut from the lower-cased hashtag "#ΟΔΟΣΑθηνων" it is "οδοσ". */
    @ParameterizedTest
    @CsvSource({"#ΟΔΟΣΑθηνων", "ΟΔΟΣ Αθηνων", "η οδός", "#οδοσ_αθηνων"})
    void aGreekKeywordEndingInSigmaMatchesWhereverItsWordStands(String caption) {
        NicheMatcher matcher = new NicheMatcher(List.of(new NicheDefinition("streets", "streets", "0", "Streets",
                List.of("οδός"), List.of())));
        int[] hits = new int[matcher.hitCount()];
        int found = matcher.match(PostText.of(caption), hits);
        assertThat(found).as(PostText.of(caption).words().toString()).isEqualTo(1);
        assertThat(matcher.hit(hits[0]).term()).isEqualTo("οδός");
    }

    @Test
    void gardeningWordsGoToGardeningNotToPlantBasedCooking() {
        ScoredProfile.Niche n = analyzer.analyze(List.of(PostText.of("Planting tomatoes in the raised bed #gardening")),
                PostText.of(""));
        assertThat(n.share()).isZero();
        assertThat(n.topNiches().get(0).niche()).startsWith("home gardening (IAB 275");
    }

    @Test
    void longestPhraseWinsSoPlantBasedIsNotTheGardeningWordPlant() {
        ScoredProfile.Niche n = analyzer.analyze(List.of(PostText.of("plant-based stew")), PostText.of(""));
        assertThat(n.topNiches()).extracting(ScoredProfile.NicheMatch::niche)
                .noneMatch(name -> name.startsWith("home gardening"));
    }

    @Test
    void reportsTopNichesAndEvidenceWithCounts() {
        ScoredProfile.Niche n = analyzer.analyze(List.of(
                        PostText.of("tofu #vegan"), PostText.of("tofu again"), PostText.of("espresso time #coffee")),
                PostText.of("Vegan cook"));
        assertThat(n.share()).isEqualTo(2.0 / 3);
        assertThat(n.evidence()).contains("caption 'tofu' in 2 posts", "hashtag #vegan in 1 post", "bio 'vegan'");
        assertThat(n.topNiches()).extracting(ScoredProfile.NicheMatch::niche)
                .anyMatch(s -> s.startsWith("coffee (IAB 222"));
    }

    @Test
    void userDefinedNicheUsesItsOwnVocabulary() {
        NicheAnalyzer custom = new NicheAnalyzer(new NicheSpec("sourdough", List.of("levain", "crumb shot"),
                List.of("sourdough")), TAXONOMY);
        assertThat(custom.analyze(List.of(PostText.of("Open crumb shot!")), PostText.of("")).share()).isEqualTo(1.0);
        assertThat(custom.target().id()).isEqualTo("custom");
    }

    @Test
    void nicheNamedOnlyByNameComesFromTheTaxonomy() {
        NicheAnalyzer named = new NicheAnalyzer(new NicheSpec("Film Photography", List.of(), List.of()), TAXONOMY);
        assertThat(named.target().iabId()).isEqualTo("255");
        assertThat(named.analyze(List.of(PostText.of("Shot on Portra 400 #35mm")), PostText.of("")).share())
                .isEqualTo(1.0);
    }

    @Test
    void unknownNicheWithoutVocabularyIsASettingsError() {
        assertThatThrownBy(() -> new NicheAnalyzer(new NicheSpec("basket weaving", List.of(), List.of()), TAXONOMY))
                .hasMessageStartingWith("niche.keywords: must list keywords or hashtags unless niche.name names a shipped niche");
    }

    @Test
    void taxonomyCoversEverySimulatedNicheWithIabLabels() {
        assertThat(TAXONOMY.niches()).hasSizeBetween(20, 40);
        for (String id : List.of("plant-based-cooking", "running", "home-gardening", "film-photography",
                "indie-game-dev", "skincare", "personal-finance", "coffee")) {
            assertThat(TAXONOMY.find(id)).as(id).hasValueSatisfying(n -> assertThat(n.iabId()).isNotEmpty());
        }
    }
}
