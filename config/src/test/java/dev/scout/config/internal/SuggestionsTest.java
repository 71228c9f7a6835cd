package dev.scout.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> CRAWL = List.of("postsPerProfile", "maxProfiles", "userAgent", "maxRedirects");

    @Test
    void countsTranspositionsAsOneEdit() {
        assertThat(Suggestions.distance("useragnet", "useragent")).isEqualTo(1);
        assertThat(Suggestions.distance("abc", "abc")).isZero();
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }

    @Test
    void suggestsTheClosestKeyIgnoringCase() {
        assertThat(Suggestions.closest("postsPerProfil", CRAWL)).contains("postsPerProfile");
        assertThat(Suggestions.closest("useragent", CRAWL)).contains("userAgent");
        assertThat(Suggestions.closest("userAgnet", CRAWL)).contains("userAgent");
        assertThat(Suggestions.closest("maxRedirect", CRAWL)).contains("maxRedirects");
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertThat(Suggestions.closest("colour", CRAWL)).isEmpty();
        assertThat(Suggestions.hint("colour", List.of("min", "max"))).isEqualTo(" (expected one of: min, max)");
    }

    @Test
    void shortKeysAllowOnlyOneEdit() {
        assertThat(Suggestions.closest("mx", List.of("min", "max"))).contains("max");
        assertThat(Suggestions.closest("mxx", List.of("dir"))).isEmpty();
    }
}
