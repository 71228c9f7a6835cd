package dev.scout.scorer.niche;

import dev.scout.scorer.internal.text.PostText;
import dev.scout.scorer.internal.text.RandomText;
import dev.scout.scorer.internal.text.Words;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The niche matcher looks caption words up in place ({@link WordIds}); this holds it, on seeded random multilingual
 * captions (emoji, hashtags, mentions, mixed scripts), to the plain lookup of each word cut out as a string in a
 * {@link HashMap}.
 */
class WordIdsTest {

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void inPlaceLookupGivesTheIdOfTheWordCutOut(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Words words = PostText.of(RandomText.caption(r), List.of(RandomText.hashtag(r))).words();
        Set<String> vocabulary = new LinkedHashSet<>();
        for (int k = 0; k < words.count(); k++) {
            if (r.nextBoolean()) {
                vocabulary.add(words.word(k)); // about half the caption's words are keyword words
            }
        }
        for (int n = r.nextInt(40); n > 0; n--) {
            vocabulary.add(RandomText.word(r));
        }
        List<String> list = new ArrayList<>(vocabulary);
        Map<String, Integer> plain = new HashMap<>();
        list.forEach(w -> plain.put(w, plain.size()));
        WordIds ids = new WordIds(list);
        for (int k = 0; k < words.count(); k++) {
            assertThat(ids.id(words, k)).as(words.word(k)).isEqualTo(plain.getOrDefault(words.word(k), -1));
        }
    }

    @Test
    void wordsWithTheSameHashAreToldApart() {
        assertThat(Words.hash("tonic")).isEqualTo(Words.hash("toXic")).isEqualTo(Words.hash("toxic"));
        WordIds ids = new WordIds(List.of("tonic", "toXic"));
        Words words = PostText.of("#tonic_TOXIC_Tonic").words(); // lower-cased: tonic, toxic, tonic
        assertThat(new int[] {ids.id(words, 0), ids.id(words, 1), ids.id(words, 2)}).containsExactly(0, -1, 0);
    }

    @Test
    void refusesAWordListedTwice() {
        assertThatThrownBy(() -> new WordIds(List.of("tofu", "tofu"))).hasMessageContaining("'tofu' is listed twice");
    }
}
