package dev.scout.store;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which of a run's verdicts {@link Store#candidates} returns, in which order, and which page. Empty filters match
 * everything. Build one with {@link #of(long)} and the {@code with…} methods.
 *
 * @param runId      the run whose verdicts are listed
 * @param niche      the run's target niche, exact
 * @param platform   platform key ({@code bluesky}), exact
 * @param tier       tier name ({@code micro}), exact
 * @param flagged    flagged or not
 * @param minScore   score at least this (0–100)
 * @param maxScore   score at most this (0–100)
 * @param grade      engagement grade ({@code high}), exact
 * @param suspicious judged suspicious or not
 * @param review     by review status
 * @param sort       the order; ties are broken by profile id
 * @param descending largest first
 * @param offset     rows to skip (0 for the first page)
 * @param limit      rows to return, 1–{@link #MAX_LIMIT}
 */
public record CandidateQuery(long runId, Optional<String> niche, Optional<String> platform, Optional<String> tier,
                             Optional<Boolean> flagged, OptionalDouble minScore, OptionalDouble maxScore,
                             Optional<String> grade, Optional<Boolean> suspicious, ReviewFilter review, Sort sort,
                             boolean descending, long offset, int limit) {

    /** Most rows one page may hold. */
    public static final int MAX_LIMIT = 500;

    public CandidateQuery {
        Objects.requireNonNull(niche, "niche");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(flagged, "flagged");
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(maxScore, "maxScore");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(suspicious, "suspicious");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(sort, "sort");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_LIMIT + ", got " + limit);
        }
    }

    /** Every verdict of {@code runId}, best score first, 50 a page. */
    public static CandidateQuery of(long runId) {
        return new CandidateQuery(runId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty(), Optional.empty(), ReviewFilter.ANY,
                Sort.SCORE, true, 0, 50);
    }

    public CandidateQuery withNiche(String v) {
        return new CandidateQuery(runId, Optional.of(v), platform, tier, flagged, minScore, maxScore, grade, suspicious, review, sort, descending, offset, limit);
    }

    public CandidateQuery withPlatform(String v) {
        return new CandidateQuery(runId, niche, Optional.of(v), tier, flagged, minScore, maxScore, grade, suspicious, review, sort, descending, offset, limit);
    }

    public CandidateQuery withTier(String v) {
        return new CandidateQuery(runId, niche, platform, Optional.of(v), flagged, minScore, maxScore, grade, suspicious, review, sort, descending, offset, limit);
    }

    public CandidateQuery withFlagged(boolean v) {
        return new CandidateQuery(runId, niche, platform, tier, Optional.of(v), minScore, maxScore, grade, suspicious, review, sort, descending, offset, limit);
    }

    public CandidateQuery withScoreRange(OptionalDouble min, OptionalDouble max) {
        return new CandidateQuery(runId, niche, platform, tier, flagged, min, max, grade, suspicious, review, sort, descending, offset, limit);
    }

    public CandidateQuery withGrade(String v) {
        return new CandidateQuery(runId, niche, platform, tier, flagged, minScore, maxScore, Optional.of(v), suspicious, review, sort, descending, offset, limit);
    }

    public CandidateQuery withSuspicious(boolean v) {
        return new CandidateQuery(runId, niche, platform, tier, flagged, minScore, maxScore, grade, Optional.of(v), review, sort, descending, offset, limit);
    }

    public CandidateQuery withReview(ReviewFilter v) {
        return new CandidateQuery(runId, niche, platform, tier, flagged, minScore, maxScore, grade, suspicious, v, sort, descending, offset, limit);
    }

    public CandidateQuery sortedBy(Sort by, boolean largestFirst) {
        return new CandidateQuery(runId, niche, platform, tier, flagged, minScore, maxScore, grade, suspicious, review, by, largestFirst, offset, limit);
    }

    public CandidateQuery page(long newOffset, int newLimit) {
        return new CandidateQuery(runId, niche, platform, tier, flagged, minScore, maxScore, grade, suspicious, review, sort, descending, newOffset, newLimit);
    }

    /** Filter on the review of each profile. */
    public enum ReviewFilter {
        ANY, REVIEWED, UNREVIEWED, SHORTLISTED, REJECTED, UNDECIDED
    }

    /** Sort keys; each names an indexed or narrow column, never the verdict's JSON. */
    public enum Sort {
        SCORE, FOLLOWERS, ENGAGEMENT, NICHE_SHARE, PRICE, HANDLE, REVIEWED_AT
    }
}
