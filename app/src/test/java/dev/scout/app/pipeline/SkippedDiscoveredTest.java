package dev.scout.app.pipeline;

import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkippedDiscoveredTest {
    private static final ProfileRef SEED = ProfileRef.mastodon("seed", "a.example");

    @Test
    void countsDiscoveredProfilesByReasonWithoutTheirOwnNumbersAndLeavesSeedsOut() {
        SkippedDiscovered skipped = new SkippedDiscovered(List.of(SEED));
        skipped.skipped(SEED, "312 followers, below scoring.followers.min 1,000; posts not fetched or analysed");
        skipped.skipped(ref(1), "312 followers, below scoring.followers.min 1,000; posts not fetched or analysed");
        skipped.skipped(ref(2), "1,204 followers, below scoring.followers.min 5,000; posts not fetched or analysed");
        skipped.skipped(ref(3), "17 followers, below scoring.followers.min 5,000; posts not fetched or analysed");
        skipped.skipped(ref(4), "same profile as bluesky:did:plc:abc, already crawled in this run");
        skipped.skipped(ref(5), "parked until 2026-12-05T10:00:00Z (request budget of instagram spent); a later run resumes it");

        assertThat(skipped.byReason()).containsExactly(
                java.util.Map.entry("below scoring.followers.min 5,000; posts not fetched or analysed", 2L),
                java.util.Map.entry("below scoring.followers.min 1,000; posts not fetched or analysed", 1L),
                java.util.Map.entry("parked (request budget of instagram spent); a later run resumes it", 1L),
                java.util.Map.entry("same profile as another id, already crawled in this run", 1L));
        assertThat(skipped.total()).isEqualTo(5);
        assertThat(skipped.summary()).startsWith("discovered profiles skipped (not in the exports): 5 — 2 below");
    }

    @Test
    void manyDistinctReasonsEndUnderOtherReasons() {
        SkippedDiscovered skipped = new SkippedDiscovered(List.of());
        for (int i = 0; i < SkippedDiscovered.MAX_REASONS + 5; i++) {
            skipped.skipped(ref(i), "not crawlable: robots.txt of host" + i + ".example disallows it");
        }
        assertThat(skipped.byReason()).hasSize(SkippedDiscovered.MAX_REASONS + 1)
                .containsEntry(SkippedDiscovered.OTHER, 5L);
        assertThat(new SkippedDiscovered(List.of()).summary()).isEmpty();
    }

    private static ProfileRef ref(int i) {
        return ProfileRef.mastodon("u" + i, "b.example");
    }
}
