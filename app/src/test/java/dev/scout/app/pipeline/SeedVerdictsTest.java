package dev.scout.app.pipeline;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.Account;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.SqliteStore;
import dev.scout.store.Store;
import dev.scout.store.StoreOptions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SeedVerdictsTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static final ProfileRef CRAWLED = ProfileRef.mastodon("crawled", "a.example");
    private static final ProfileRef SMALL = ProfileRef.mastodon("small", "a.example");
    private static final ProfileRef GONE = ProfileRef.mastodon("gone", "a.example");
    private static final ProfileRef WAITING = ProfileRef.mastodon("waiting", "a.example");
    private static final ProfileRef NOT_REACHED = ProfileRef.mastodon("later", "a.example");
    private static final ProfileRef NEVER_MET = ProfileRef.mastodon("unknown", "a.example");
    private static final ProfileRef OLD_SNAPSHOT = ProfileRef.mastodon("old", "a.example");
    private static final ProfileRef DISCOVERED = ProfileRef.mastodon("found", "a.example");

    @Test
    void seedsWithoutASnapshotGetAnUnflaggedVerdictSayingWhyAndOthersGetNone() {
        try (Store store = SqliteStore.inMemory(StoreOptions.builder().build())) {
            Frontier f = store.frontier();
            f.offer(List.of(seed(CRAWLED), seed(SMALL), seed(GONE), seed(WAITING), seed(NOT_REACHED), seed(OLD_SNAPSHOT),
                    new Frontier.Discovered(DISCOVERED, 1, "followers of " + CRAWLED.id())));
            f.claim("w", 10, NOW, java.time.Duration.ofMinutes(5));
            store.snapshots().accept(snapshot(CRAWLED));
            f.complete(CRAWLED);
            f.skip(SMALL, "312 followers, below scoring.followers.min 1,000; posts not fetched or analysed");
            f.fail(GONE, "not found (404)", Optional.empty());
            f.fail(WAITING, "server error 503; a later run retries it", Optional.of(NOW.plusSeconds(3600)));
            f.defer(NOT_REACHED, NOW);
            store.snapshots().accept(snapshot(OLD_SNAPSHOT));
            f.skip(OLD_SNAPSHOT, "312 followers, below scoring.followers.min 1,000; posts not fetched or analysed");
            f.skip(DISCOVERED, "12 followers, below scoring.followers.min 1,000; posts not fetched or analysed");
            long run = store.startRun("hash", "v");

            int saved = new SeedVerdicts(store, "plant-based cooking").save(run,
                    List.of(CRAWLED, SMALL, GONE, WAITING, NOT_REACHED, NEVER_MET, OLD_SNAPSHOT), NOW);

            List<ScoredProfile> rows = new ArrayList<>();
            store.scores(run).forEachRemaining(rows::add);
            Map<String, String> reasons = rows.stream().collect(Collectors.toMap(p -> p.account().id(), ScoredProfile::reasons));
            assertThat(saved).isEqualTo(5);
            assertThat(reasons).containsOnlyKeys(SMALL.id(), GONE.id(), WAITING.id(), NOT_REACHED.id(), NEVER_MET.id());
            assertThat(reasons.get(SMALL.id())).isEqualTo("seeded profile, not scored: 312 followers, below"
                    + " scoring.followers.min 1,000; posts not fetched or analysed");
            assertThat(reasons.get(GONE.id())).isEqualTo("seeded profile, not scored: could not be read: not found (404)");
            assertThat(reasons.get(WAITING.id())).isEqualTo("seeded profile, not scored: waiting for a later run:"
                    + " server error 503; a later run retries it");
            assertThat(reasons.get(NOT_REACHED.id())).startsWith("seeded profile, not scored: not reached in this run");
            assertThat(reasons.get(NEVER_MET.id())).isEqualTo("seeded profile, not scored: not in the crawl's frontier,"
                    + " so it was not looked up");
            assertThat(rows).allSatisfy(p -> {
                assertThat(p.flagged()).isFalse();
                assertThat(p.score()).isZero();
                assertThat(p.account().followers()).isEmpty();
                assertThat(p.postsAnalyzed()).isZero();
            });
        }
    }

    private static Frontier.Discovered seed(ProfileRef ref) {
        return new Frontier.Discovered(ref, 0, "seed");
    }

    private static ProfileSnapshot snapshot(ProfileRef ref) {
        return new ProfileSnapshot(Account.builder(ref).followers(5_000L).build(), List.of(), NOW);
    }
}
