package dev.scout.store;

import dev.scout.model.ProfileRef;

import java.time.Instant;
import java.util.Objects;

/**
 * A scout's decision on one profile, kept by profile (not by run): it survives later runs, re-crawls and text
 * retention, and only {@link Store#forget} removes it. A new review of the same profile replaces the old one.
 *
 * @param ref        the profile reviewed
 * @param status     shortlisted, rejected or undecided
 * @param note       why, in the reviewer's words; may be empty; at most {@link #MAX_NOTE} characters
 * @param reviewer   who decided; not blank; at most {@link #MAX_REVIEWER} characters
 * @param reviewedAt when
 */
public record Review(ProfileRef ref, ReviewStatus status, String note, String reviewer, Instant reviewedAt) {

    /** Longest note kept, in characters. */
    public static final int MAX_NOTE = 2_000;
    /** Longest reviewer name kept, in characters. */
    public static final int MAX_REVIEWER = 100;

    public Review {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        note = note == null ? "" : note.strip();
        reviewer = reviewer == null ? "" : reviewer.strip();
        if (reviewer.isEmpty()) {
            throw new IllegalArgumentException("a review of " + ref.id() + " needs the reviewer's name");
        }
        if (note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("the note on " + ref.id() + " has " + note.length()
                    + " characters; at most " + MAX_NOTE + " are kept");
        }
        if (reviewer.length() > MAX_REVIEWER) {
            throw new IllegalArgumentException("the reviewer's name has " + reviewer.length()
                    + " characters; at most " + MAX_REVIEWER + " are kept");
        }
    }
}
