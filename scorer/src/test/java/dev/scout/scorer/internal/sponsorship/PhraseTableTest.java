package dev.scout.scorer.internal.sponsorship;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseTableTest {

    @Test
    void shippedTableHasExplicitDisclosuresInEveryRequiredLanguage() {
        PhraseTable table = PhraseTable.shipped();
        Set<String> languages = table.phrases().stream()
                .filter(p -> p.kind() == SignalKind.AD_TAG || p.kind() == SignalKind.AD_PHRASE)
                .flatMap(p -> Arrays.stream(p.language().split(",")))
                .collect(Collectors.toSet());
        assertThat(languages).contains("en", "de", "fr", "es", "it", "pt", "nl");
        assertThat(new SponsorshipDetector(table)).isNotNull(); // every row compiles into a matcher
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sponsored by\ten\tAD_PHRASE                 | expected 4 tab-separated columns",
            "sponsored by\tEnglish\tAD_PHRASE\tSTRONG     | language 'English' must be ISO 639 codes",
            "sponsored by\ten\tAD\tSTRONG                 | kind 'AD' must be one of",
            "sponsored by\ten\tBRAND_MENTION\tSTRONG      | kind BRAND_MENTION is not found in text",
            "sponsored by\ten\tAD_PHRASE\tVERY            | strength 'VERY' must be one of",
            "sponsored {brand}\ten\tAD_PHRASE\tSTRONG     | unknown slot {brand}",
            "{handle} sponsored\ten\tAD_PHRASE\tSTRONG    | only {percent} may come before the first word",
            "#two words\ten\tAD_TAG\tSTRONG               | a hashtag is '#' and one word",
            "(ad)\ten\tAD_PHRASE\tSTRONG                  | a phrase must begin with a letter or digit",
    })
    void malformedRowsAreRejectedWithTheirLine(String row, String message) {
        assertThatThrownBy(() -> PhraseTable.parse("extra.tsv", "# a comment\n\n" + row.strip()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("extra.tsv line 3: ")
                .hasMessageContaining(message);
    }

    @Test
    void plusAddsRowsAfterTheShippedOnes() {
        PhraseTable table = PhraseTable.shipped().plus("extra", "sponsorowane przez\tpl\tAD_PHRASE\tSTRONG");
        assertThat(table.phrases()).last().isEqualTo(new PhraseTable.Phrase("sponsorowane przez", "pl",
                SignalKind.AD_PHRASE, SignalKind.Strength.STRONG));
    }
}
