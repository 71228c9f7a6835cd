package dev.scout.app.pipeline;

import dev.scout.crawler.engine.Frontier;
import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import dev.scout.scorer.MetricDefinitions;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.FrontierEntry;
import dev.scout.store.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A verdict for every profile the scout named as a seed: a seed the crawl could not score (the funnel skipped its
 * posts, it was not found, refused, or waits for a later run) gets a row with {@code flagged=false}, score 0 and the
 * reason in plain words, instead of being absent from every output. A seed with a stored snapshot was scored like
 * any profile and needs nothing here. Not thread-safe.
 */
final class SeedVerdicts {
    /** The name of the one gate such a verdict carries; its explanation is the reasons column. */
    static final String GATE = "seed";

    private final Store store;
    private final String niche;

    SeedVerdicts(Store store, String niche) {
        this.store = store;
        this.niche = niche;
    }

    /**
     * Verdicts for the seeds that have no snapshot to score, stored as verdicts of {@code runId}; returns how many.
     *
     * @param now stamps a seed the frontier never met
     */
    int save(long runId, List<ProfileRef> seeds, Instant now) {
        List<ScoredProfile> verdicts = new ArrayList<>();
        for (ProfileRef seed : seeds) {
            unscored(seed, now).ifPresent(verdicts::add);
        }
        return verdicts.isEmpty() ? 0 : store.saveScores(runId, verdicts.iterator());
    }

    /** The verdict on a seed that has no snapshot; empty when it was crawled (its snapshot is scored). */
    Optional<ScoredProfile> unscored(ProfileRef seed, Instant now) {
        Optional<FrontierEntry> entry = store.frontierEntry(seed);
        if (entry.map(e -> e.state() == Frontier.EntryState.DONE).orElse(false)
                || store.latestSnapshot(seed).isPresent()) {
            return Optional.empty();
        }
        String why = entry.map(SeedVerdicts::why).orElse("not in the crawl's frontier, so it was not looked up");
        Instant at = entry.map(FrontierEntry::updatedAt).orElse(now);
        return Optional.of(verdict(seed, "seeded profile, not scored: " + why, at));
    }

    /** Why an entry that is not done has no snapshot, in plain words. */
    static String why(FrontierEntry e) {
        String reason = e.reason().orElse("");
        return switch (e.state()) {
            case SKIPPED -> reason.isEmpty() ? "skipped by the crawl" : reason;
            case FAILED -> "could not be read: " + (reason.isEmpty() ? "no reason recorded" : reason);
            case PENDING -> reason.isEmpty()
                    ? "not reached in this run (crawl limits or the run ended first); a later run crawls it"
                    : "waiting for a later run: " + reason;
            case IN_FLIGHT -> "still being crawled when the run ended; a later run resumes it";
            case DONE -> "crawled, but its snapshot is stored under another id";
        };
    }

    private ScoredProfile verdict(ProfileRef seed, String reason, Instant at) {
        Account.Builder account = Account.builder(seed);
        if (seed.platform() == Platform.WEB) {
            account.profileUrl(seed.value());
        }
        return new ScoredProfile(account.build(), at, 0,
                new ScoredProfile.Tier("", ""),
                new ScoredProfile.Engagement(OptionalDouble.empty(), "", "not measured: posts not analysed", "",
                        OptionalDouble.empty(), "", List.of()),
                new ScoredProfile.Niche(0.0, niche, List.of(), List.of()),
                new ScoredProfile.Sponsorship(0.0, List.of(), 0.0, OptionalDouble.empty(), OptionalDouble.empty(),
                        List.of(), 0, 0, 0),
                new ScoredProfile.Authenticity(false, List.of("not assessed: posts not analysed"),
                        OptionalDouble.empty(), OptionalDouble.empty(), 0, List.of()),
                new ScoredProfile.Cost(OptionalDouble.empty(), OptionalDouble.empty(), "no estimate: not analysed"),
                Optional.empty(), 0.0, List.of(), false,
                List.of(new ScoredProfile.Gate(GATE, false, reason)), MetricDefinitions.SCORE_VERSION);
    }
}
