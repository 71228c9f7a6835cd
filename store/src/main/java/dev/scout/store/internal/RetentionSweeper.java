package dev.scout.store.internal;

import dev.scout.model.Post;
import dev.scout.model.ProfileSnapshot;
import dev.scout.store.TextRetention;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Erases post text older than the retention allows, in the {@code posts} table and in the stored JSON of the
 * newest snapshots (the only place text survives besides {@code posts}). Thread-safe.
 */
public final class RetentionSweeper {
    private final WriteQueue queue;
    private final Json json;
    private final TextRetention retention;

    public RetentionSweeper(WriteQueue queue, Json json, TextRetention retention) {
        this.queue = queue;
        this.json = json;
        this.retention = retention;
    }

    /** Returns the number of posts whose text was erased. */
    public int apply(Instant now) {
        Optional<Instant> cutoff = retention.cutoff(now);
        if (cutoff.isEmpty()) {
            return 0;
        }
        long cut = cutoff.get().equals(Instant.MAX) ? Long.MAX_VALUE : cutoff.get().toEpochMilli();
        return queue.call(sql -> {
            List<String> refs = new ArrayList<>();
            PreparedStatement find = sql.prepare("SELECT DISTINCT ref_id FROM posts WHERE text IS NOT NULL AND created_at < ?");
            find.setLong(1, cut);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    refs.add(rs.getString(1));
                }
            }
            PreparedStatement read = sql.prepare("SELECT id, json FROM snapshots WHERE ref_id = ? AND json IS NOT NULL");
            PreparedStatement write = sql.prepare("UPDATE snapshots SET json = ? WHERE id = ?");
            for (String ref : refs) {
                read.setString(1, ref);
                long id;
                String stored;
                try (ResultSet rs = read.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    id = rs.getLong(1);
                    stored = rs.getString(2);
                }
                ProfileSnapshot s = json.snapshot(stored, ref);
                List<Post> posts = s.posts().stream()
                        .map(p -> p.createdAt().toEpochMilli() < cut ? SnapshotWriter.withoutText(p) : p).toList();
                ProfileSnapshot erased = new ProfileSnapshot(s.account(), posts, s.followerSample(), s.history(), s.crawledAt());
                write.setString(1, json.write(erased, "the snapshot of " + ref));
                write.setLong(2, id);
                write.executeUpdate();
            }
            PreparedStatement erase = sql.prepare("UPDATE posts SET text = NULL WHERE text IS NOT NULL AND created_at < ?");
            erase.setLong(1, cut);
            return erase.executeUpdate();
        }, "erase post text older than " + cutoff.get());
    }
}
