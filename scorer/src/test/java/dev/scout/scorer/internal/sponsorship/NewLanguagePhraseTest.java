package dev.scout.scorer.internal.sponsorship;

import dev.scout.model.Post;
import dev.scout.scorer.internal.text.PostText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does to teach the detector a disclosure in another language: add one line to
 * {@code phrases.tsv}. This test takes the shipped file's text, appends that one line (Polish "sponsored by", and a
 * Russian #ad tag), builds a detector from it and shows that a caption using it is now judged sponsored — and was
 * not before.
 */
class NewLanguagePhraseTest {

    private static final String CAPTION = "Nowy przepis na pierogi, sponsorowane przez @kuchniapolska!";
    private static final String CYRILLIC = "Новый рецепт борща #Реклама";

    @Test
    void oneLineInThePhraseFileTeachesTheDetectorAPolishDisclosure() throws IOException {
        String shipped = shippedTableText();
        SponsorshipDetector before = new SponsorshipDetector(PhraseTable.parse("phrases.tsv", shipped));
        assertThat(detect(before, CAPTION).sponsored()).isFalse();

        String edited = shipped + "sponsorowane przez\tpl\tAD_PHRASE\tSTRONG\n";
        PostVerdict after = detect(new SponsorshipDetector(PhraseTable.parse("phrases.tsv", edited)), CAPTION);

        assertThat(after.sponsored()).isTrue();
        assertThat(after.disclosure()).isEqualTo("clear");
        assertThat(after.brands()).containsExactly("kuchniapolska");
        assertThat(after.signals()).contains(new Signal(SignalKind.AD_PHRASE, "'sponsorowane przez'"));
    }

    @Test
    void aHashtagInAnotherScriptIsOneLineToo() throws IOException {
        String shipped = shippedTableText();
        assertThat(detect(new SponsorshipDetector(PhraseTable.parse("phrases.tsv", shipped)), CYRILLIC).sponsored())
                .isFalse();

        PhraseTable edited = PhraseTable.parse("phrases.tsv", shipped + "#реклама\tru\tAD_TAG\tSTRONG\n");
        PostVerdict after = detect(new SponsorshipDetector(edited), CYRILLIC);

        assertThat(after.sponsored()).isTrue();
        assertThat(after.signals()).containsExactly(new Signal(SignalKind.AD_TAG, "#реклама"));
    }

    private static PostVerdict detect(SponsorshipDetector detector, String caption) {
        return detector.detect(Post.builder("p", Instant.EPOCH).text(caption).build(), PostText.of(caption), "me", "");
    }

    private static String shippedTableText() throws IOException {
        try (InputStream in = PhraseTable.class.getResourceAsStream(PhraseTable.RESOURCE)) {
            assertThat(in).as(PhraseTable.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
