package dev.scout.scorer.internal.sponsorship;

import dev.scout.scorer.internal.text.PostText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnchorTrieTest {

    @Test
    void findsExactlyTheOccurrencesAtWordStartsThatStartsWithFindsOnRandomText() {
        SplittableRandom r = new SplittableRandom(17);
        String letters = "abcж"; // few letters, so that keywords overlap and share prefixes
        for (int round = 0; round < 500; round++) {
            List<String> keywords = new ArrayList<>();
            for (int k = r.nextInt(1, 8); k > 0; k--) {
                keywords.add(random(r, letters, 1) + random(r, letters + " -", r.nextInt(0, 4)));
            }
            PostText prepared = PostText.of(random(r, letters + "é -_#1xyzAB", r.nextInt(0, 60)));
            String text = prepared.lower();
            List<String> expected = new ArrayList<>();
            for (int end = 1; end <= text.length(); end++) {
                for (int id = 0; id < keywords.size(); id++) {
                    int start = end - keywords.get(id).length();
                    boolean wordStart = start >= 0 && (start == 0 || !Template.isWordChar(text.charAt(start - 1)));
                    if (wordStart && text.startsWith(keywords.get(id), start)) {
                        expected.add(id + "@" + end);
                    }
                }
            }
            List<String> found = new ArrayList<>();
            new AnchorTrie(keywords).scan(text, prepared.words(), (id, end) -> found.add(id + "@" + end));
            assertThat(found).as("%s in '%s'", keywords, text).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void refusesAKeywordThatCannotStartAWord() {
        assertThatThrownBy(() -> new AnchorTrie(List.of("ad", "-ad")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-ad' does not begin with a letter or digit");
    }

    private static String random(SplittableRandom r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
