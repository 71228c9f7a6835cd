package dev.scout.store;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One line of the review app's candidate list: the facts of a run's verdict that can be filtered and sorted on,
 * read from narrow indexed columns (never the verdict's JSON), and the profile's review if any.
 *
 * @param refId          stable profile id ({@code platform:value})
 * @param platform       platform key
 * @param handle         handle as scored (profile text: escape it)
 * @param displayName    display name, may be empty (profile text: escape it)
 * @param niche          the run's target niche
 * @param tier           follower tier name
 * @param grade          engagement grade within the band
 * @param score          0–100
 * @param flagged        every gate passed
 * @param suspicious     the account classifier judged the profile suspicious
 * @param followers      followers, empty when hidden
 * @param engagementRate engagement rate as a fraction, empty without original posts
 * @param nicheShare     fraction of posts on the niche
 * @param estPriceUsd    estimated price per post
 * @param review         the scout's review, when one was made
 */
public record CandidateRow(String refId, String platform, String handle, String displayName, String niche, String tier,
                           String grade, double score, boolean flagged, boolean suspicious, OptionalLong followers,
                           OptionalDouble engagementRate, double nicheShare, OptionalDouble estPriceUsd,
                           Optional<Review> review) {
    public CandidateRow {
        Objects.requireNonNull(refId, "refId");
        review = review == null ? Optional.empty() : review;
    }
}
