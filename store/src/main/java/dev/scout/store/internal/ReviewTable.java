package dev.scout.store.internal;

import dev.scout.model.ProfileRef;
import dev.scout.store.Review;
import dev.scout.store.ReviewStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code reviews} table: one review per profile, whatever the run; replaced by a newer review, removed only by
 * forget. Thread-safe.
 */
public final class ReviewTable {
    private static final int CHUNK = 256;
    private static final String UPSERT = "INSERT INTO reviews (ref_id, status, note, reviewer, reviewed_at)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (ref_id) DO UPDATE SET status = excluded.status,"
            + " note = excluded.note, reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at";
    static final String COLUMNS = "ref_id, status, note, reviewer, reviewed_at";

    private final WriteQueue queue;

    public ReviewTable(WriteQueue queue) {
        this.queue = queue;
    }

    /** Stores {@code review}, replacing the profile's earlier one; committed when this returns. */
    public void save(Review review) {
        queue.call(sql -> {
            PreparedStatement ps = sql.prepare(UPSERT);
            ps.setString(1, review.ref().id());
            ps.setString(2, review.status().key());
            ps.setString(3, review.note());
            ps.setString(4, review.reviewer());
            ps.setLong(5, review.reviewedAt().toEpochMilli());
            return ps.executeUpdate();
        }, "save the review of " + review.ref().id());
    }

    public Optional<Review> find(ProfileRef ref) {
        return queue.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT " + COLUMNS + " FROM reviews WHERE ref_id = ?");
            ps.setString(1, ref.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs, 1)) : Optional.<Review>empty();
            }
        }, "read the review of " + ref.id());
    }

    /** Every review in profile-id order, read in pages. */
    public Iterator<Review> all() {
        return new PagedIterator<Review>(CHUNK, last -> queue.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT " + COLUMNS + " FROM reviews WHERE ref_id > ? ORDER BY ref_id LIMIT ?");
            ps.setString(1, last.map(r -> r.ref().id()).orElse(""));
            ps.setInt(2, CHUNK);
            List<Review> page = new ArrayList<>(CHUNK);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(read(rs, 1));
                }
            }
            return page;
        }, "read the reviews"));
    }

    /**
     * The review in the five columns from {@code first} on ({@link #COLUMNS} order); empty when they are NULL (a
     * LEFT JOIN without a review).
     */
    static Optional<Review> readOptional(ResultSet rs, int first) throws SQLException {
        return rs.getString(first) == null ? Optional.empty() : Optional.of(read(rs, first));
    }

    private static Review read(ResultSet rs, int first) throws SQLException {
        String refId = rs.getString(first);
        String status = rs.getString(first + 1);
        ReviewStatus s = ReviewStatus.fromKey(status).orElseThrow(() -> new SQLException(
                "review of " + refId + " has an unknown status '" + status + "'"));
        return new Review(ProfileRef.parseId(refId), s, rs.getString(first + 2), rs.getString(first + 3),
                Instant.ofEpochMilli(rs.getLong(first + 4)));
    }
}
