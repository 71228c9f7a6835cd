package dev.scout.store.internal;

import dev.scout.model.ProfileRef;

import java.sql.PreparedStatement;
import java.util.List;

/** Removes everything the store holds about one profile, in one transaction (a creator asked to be forgotten). */
public final class ProfileEraser {
    /**
     * Every table keyed by profile; a new table holding profile data must be added here (the forget test checks).
     * The scout's review goes too: forgetting a person forgets what was decided about them.
     */
    static final List<String> TABLES = List.of("snapshots", "posts", "scores", "candidates", "frontier",
            "http_responses", "reviews");

    private final WriteQueue queue;

    public ProfileEraser(WriteQueue queue) {
        this.queue = queue;
    }

    /** Returns the number of rows deleted. */
    public long forget(ProfileRef ref) {
        return queue.call(sql -> {
            long deleted = 0;
            for (String table : TABLES) {
                PreparedStatement ps = sql.prepare("DELETE FROM " + table + " WHERE ref_id = ?");
                ps.setString(1, ref.id());
                deleted += ps.executeUpdate();
            }
            return deleted;
        }, "forget " + ref.id());
    }
}
