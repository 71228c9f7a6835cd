package dev.scout.app.input;

import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.StandardScorer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The example in docs/INPUT.md (one profile per line in {@code input/example.jsonl}) reads and scores. */
class DocumentedExampleTest {

    @Test
    void documentedExampleReadsAndScores() throws IOException {
        List<ProfileSnapshot> profiles = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/input/example.jsonl")) {
            new ProfileJsonReader(Instant.parse("2026-11-25T00:00:00Z")).read(in, profiles::add, errors::add);
        }
        assertThat(errors).isEmpty();
        assertThat(profiles).hasSize(2);

        // The shipped taxonomy's entry, as 'scout score --input --niche plant-based-cooking' would use it.
        StandardScorer scorer = StandardScorer.withDefaults(new dev.scout.scorer.NicheSpec("plant-based-cooking", List.of(), List.of()));
        ScoredProfile first = scorer.score(profiles.get(0));
        assertThat(first.sponsorship().posts()).singleElement()
                .satisfies(p -> assertThat(p.brands()).containsExactly("oatly"));
        // One ordinary follower and one with every fake sign: an estimate from their probabilities, not a 1-of-2 count.
        assertThat(first.authenticity().audienceRealPct().getAsDouble()).isBetween(30.0, 50.0);
        assertThat(first.contactEmail()).hasValue("hello@greenpan.example");

        ScoredProfile second = scorer.score(profiles.get(1));
        assertThat(second.account().followers()).hasValue(4_300);
        assertThat(second.reasons()).contains("no posts: engagement unknown");
        assertThat(second.score()).isBetween(0.0, 100.0);
    }
}
