package dev.scout.scorer.internal.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tokenizer cuts a hashtag's words in place from the lower-case text; this holds it, on seeded random hashtags
 * in several scripts, to the plain way of doing it: split the tag on underscores, cut each piece at its camel-case
 * and letter/digit boundaries, lower-case each word on its own and stem it.
 */
class HashtagWordsTest {

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hashtagInTheTextGivesTheWordsOfThePlainSplit(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            String tag = RandomText.hashtag(r);
            String folded = TextFolding.fold(tag);
            assertThat(PostText.of("#" + tag).words().toArray()).as(tag).containsExactlyElementsOf(plainSplit(folded));
        }
    }

    /** Structured hashtags come from a platform and may hold anything: spaces, emoji, punctuation. */
    @ParameterizedTest
    @MethodSource("seeds")
    void structuredHashtagGivesTheWordsOfThePlainSplit(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            String tag = i % 2 == 0 ? RandomText.hashtag(r) : RandomText.caption(r).strip();
            String folded = TextFolding.fold(tag.startsWith("#") ? tag.substring(1) : tag); // "#" or not, as given
            List<String> want = folded.isEmpty() ? List.of() : plainSplit(folded);
            assertThat(PostText.of("", List.of(tag)).words().toArray()).as(tag).containsExactlyElementsOf(want);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wordsReadInPlaceAreTheWordsCutOut(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Words words = PostText.of(RandomText.caption(r), List.of(RandomText.hashtag(r))).words();
        for (int k = 0; k < words.count(); k++) {
            String word = words.word(k);
            assertThat(word).isNotEmpty().hasSize(words.length(k));
            assertThat(words.hash(k)).as(word).isEqualTo(Words.hash(word));
            assertThat(words.is(k, word)).as(word).isTrue();
            assertThat(words.is(k, word + "s") || words.is(k, word.substring(1))).as(word).isFalse();
        }
    }

    /** The hashtag split as it was written before words were cut in place (issue 17). */
    private static List<String> plainSplit(String raw) {
        List<String> words = new ArrayList<>();
        for (String piece : raw.indexOf('_') < 0 ? new String[] {raw} : raw.split("_")) {
            int n = piece.length();
            int start = 0;
            for (int i = 1; i <= n; i++) {
                if (i == n || isBoundary(piece, i)) {
                    words.add(Stemmer.stem(TextFolding.lower(piece.substring(start, i))));
                    start = i;
                }
            }
        }
        return words;
    }

    private static boolean isBoundary(String piece, int i) {
        char prev = piece.charAt(i - 1);
        char c = piece.charAt(i);
        return (Character.isLowerCase(prev) && Character.isUpperCase(c))
                || Character.isLetter(prev) != Character.isLetter(c)
                || (i + 1 < piece.length() && Character.isUpperCase(prev) && Character.isUpperCase(c)
                    && Character.isLowerCase(piece.charAt(i + 1)));
    }
}
