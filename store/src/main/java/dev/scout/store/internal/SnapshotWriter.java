package dev.scout.store.internal;

import dev.scout.crawler.engine.SnapshotSink;
import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import dev.scout.store.TextRetention;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Writes each snapshot through the write-behind queue: a row of counts in {@code snapshots} (the full JSON moves
 * to the newest row of the profile), and an upsert per post in {@code posts}. Encoding and text retention happen
 * on the caller's thread, so the writer thread only runs SQL. Thread-safe.
 */
public final class SnapshotWriter implements SnapshotSink {
    private static final String FIND_LATEST = "SELECT id, crawled_at FROM snapshots WHERE ref_id = ? AND json IS NOT NULL";
    private static final String DROP_JSON = "UPDATE snapshots SET json = NULL WHERE id = ?";
    private static final String INSERT = "INSERT INTO snapshots (ref_id, crawled_at, followers, following, posts_count,"
            + " engagement_rate, json) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_POST = "INSERT INTO posts (ref_id, post_id, created_at, likes, replies, shares,"
            + " views, repost, url, text, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (ref_id, post_id) DO UPDATE SET likes = excluded.likes, replies = excluded.replies,"
            + " shares = excluded.shares, views = excluded.views, text = excluded.text,"
            + " last_seen = %s(posts.last_seen, excluded.last_seen)";

    private final WriteQueue writes;
    private final Json json;
    private final TextRetention retention;
    private final Clock clock;

    public SnapshotWriter(WriteQueue writes, Json json, TextRetention retention, Clock clock) {
        this.writes = writes;
        this.json = json;
        this.retention = retention;
        this.clock = clock;
    }

    /** Queues the snapshot; it is committed within the queue's delay, and before any frontier change queued later. */
    @Override
    public void accept(ProfileSnapshot snapshot) {
        ProfileSnapshot kept = withRetention(snapshot).withHistory(List.of()); // history is derived from this table
        String refId = kept.id();
        String encoded = json.write(kept, "the snapshot of " + refId);
        OptionalDouble rate = EngagementRate.of(kept);
        writes.submit(sql -> {
            write(sql, kept, encoded, rate);
            return null;
        }, "store the snapshot of " + refId);
    }

    private ProfileSnapshot withRetention(ProfileSnapshot s) {
        Optional<Instant> cutoff = retention.cutoff(clock.instant());
        if (cutoff.isEmpty()) {
            return s;
        }
        List<Post> posts = s.posts().stream().map(p -> p.createdAt().isBefore(cutoff.get()) ? withoutText(p) : p).toList();
        return new ProfileSnapshot(s.account(), posts, s.followerSample(), s.history(), s.crawledAt());
    }

    /** The post with its caption erased; hashtags, mentions and links stay (they are what niche and brand rules read). */
    static Post withoutText(Post p) {
        return new Post(p.id(), p.url(), p.createdAt(), "", p.hashtags(), p.mentions(), p.links(), p.likes(), p.replies(),
                p.shares(), p.views(), p.repost(), p.reply(), p.pinned(), p.platformLabels());
    }

    private static void write(Sql sql, ProfileSnapshot s, String encoded, OptionalDouble rate) throws SQLException {
        String refId = s.id();
        long crawledAt = s.crawledAt().toEpochMilli();
        boolean newest = true;
        PreparedStatement find = sql.prepare(FIND_LATEST);
        find.setString(1, refId);
        long previousId = -1;
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                previousId = rs.getLong(1);
                newest = rs.getLong(2) <= crawledAt;
            }
        }
        if (newest && previousId >= 0) {
            PreparedStatement drop = sql.prepare(DROP_JSON);
            drop.setLong(1, previousId);
            drop.executeUpdate();
        }
        PreparedStatement ins = sql.prepare(INSERT);
        ins.setString(1, refId);
        ins.setLong(2, crawledAt);
        setLong(ins, 3, s.account().followers());
        setLong(ins, 4, s.account().following());
        setLong(ins, 5, s.account().postsCount());
        if (rate.isPresent()) {
            ins.setDouble(6, rate.getAsDouble());
        } else {
            ins.setNull(6, Types.REAL);
        }
        ins.setString(7, newest ? encoded : null);
        ins.executeUpdate();
        if (s.posts().isEmpty()) {
            return;
        }
        // One round trip for all posts (a server database would otherwise pay one per post).
        PreparedStatement post = sql.prepare(UPSERT_POST.formatted(sql.dialect().greatest()));
        post.clearBatch(); // nothing left over from a batch that failed
        for (Post p : s.posts()) {
            post.setString(1, refId);
            post.setString(2, p.id());
            post.setLong(3, p.createdAt().toEpochMilli());
            post.setLong(4, p.likes());
            post.setLong(5, p.replies());
            post.setLong(6, p.shares());
            setLong(post, 7, p.views());
            post.setInt(8, p.repost() ? 1 : 0);
            post.setString(9, p.url());
            post.setString(10, p.text().isEmpty() ? null : p.text());
            post.setLong(11, crawledAt);
            post.setLong(12, crawledAt);
            post.addBatch();
        }
        post.executeBatch();
    }

    private static void setLong(PreparedStatement ps, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.getAsLong());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }
}
