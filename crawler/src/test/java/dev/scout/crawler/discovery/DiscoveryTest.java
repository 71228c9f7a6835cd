package dev.scout.crawler.discovery;

import dev.scout.crawler.engine.InMemoryFrontier;
import dev.scout.crawler.platform.Sighting;
import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {
    private final InMemoryFrontier frontier = new InMemoryFrontier();
    private final NicheTerms niche = NicheTerms.of(List.of("vegan"), List.of("tofu"));

    private static ProfileRef m(String u) {
        return ProfileRef.mastodon(u, "a.example");
    }

    private static Sighting seen(String u, String text) {
        return new Sighting(m(u), "mention", Post.builder("p", Instant.parse("2026-11-01T00:00:00Z")).text(text).build());
    }

    @Test
    void onlySightingsInNichePostsAreOfferedOneHopDeeper() {
        Discovery d = new Discovery(frontier, niche, 100, 2, 0);

        int added = d.offerSightings(m("ana"), 0, List.of(seen("bo", "tofu tacos"), seen("cy", "marathon day")));

        assertThat(added).isEqualTo(1);
        assertThat(frontier.entry(m("bo")).orElseThrow().depth()).isEqualTo(1);
        assertThat(frontier.entry(m("cy"))).isEmpty();
    }

    @Test
    void nothingIsOfferedBeyondTheDepthOrTheCap() {
        Discovery d = new Discovery(frontier, niche, 3, 1, 1);

        assertThat(d.offerSightings(m("ana"), 1, List.of(seen("bo", "tofu")))).as("depth 2 > max 1").isZero();
        assertThat(d.offerSeeds(List.of(m("a"), m("b"), m("c")))).as("one known before this run: room for two")
                .isEqualTo(2);
        assertThat(d.known()).isEqualTo(3);
    }

    @Test
    void aProfileSeenUnderItsCanonicalIdIsNotOfferedAgain() {
        Discovery d = new Discovery(frontier, niche, 100, 2, 0);
        d.markKnown(m("ana"));

        assertThat(d.offerSeeds(List.of(m("ana"), m("ana"), m("bo")))).isEqualTo(1);
        assertThat(frontier.entries()).extracting(e -> e.ref().mastodonUser()).containsExactly("bo");
    }

    @Test
    void directoryAccountsAreKeptOnlyWhenTheirBioSpeaksTheNiche() {
        Discovery d = new Discovery(frontier, niche, 100, 2, 0);

        int added = d.offerDirectoryAccounts(List.of(Account.builder(m("cook")).bio("Tofu every day").build(),
                Account.builder(m("runner")).bio("Trail running").build()));

        assertThat(added).isEqualTo(1);
        assertThat(frontier.entry(m("cook")).orElseThrow().via()).isEqualTo("directory");
    }

    @Test
    void memoryHoldsOnlyRecentIdsWhileTheFrontierKeepsCountsExact() {
        Discovery d = new Discovery(frontier, niche, 100_000, 2, 0);
        int n = RecentIds.DEFAULT_CAPACITY * 3;
        List<ProfileRef> all = java.util.stream.IntStream.range(0, n).mapToObj(i -> m("u" + i)).toList();

        assertThat(d.offerSeeds(all)).isEqualTo(n);
        assertThat(d.offerSeeds(all.subList(0, 100))).as("forgotten here, known to the frontier").isZero();
        assertThat(d.offerSeeds(List.of(m("u0"), m("new")))).isEqualTo(1);
        assertThat(d.known()).isEqualTo(n + 1);
        assertThat(frontier.entries()).hasSize(n + 1);
    }
}
