package dev.scout.store.postgres.fleet;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.scout.store.postgres.fleet.HostLeases.instant;
import static dev.scout.store.postgres.fleet.HostLeases.ts;

/**
 * The workers of a fleet ({@code fleet_workers}): who they are, on which machine, and when each last said it was
 * alive. Only for people ({@code scout status}): leases expire by their own time, whatever the heartbeats say.
 * Thread-safe.
 */
public final class WorkerRegistry {
    private final FleetDatabase db;

    public WorkerRegistry(FleetDatabase db) {
        this.db = db;
    }

    /** Records a worker as started at {@code now} (a restarted worker with the same id starts afresh). */
    public void register(String worker, String machine, long pid, Instant now) {
        db.call("register worker " + worker, c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO fleet_workers (worker_id, machine, pid, started_at, heartbeat_at)
                    VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (worker_id) DO UPDATE SET machine = EXCLUDED.machine, pid = EXCLUDED.pid,
                        started_at = EXCLUDED.started_at, heartbeat_at = EXCLUDED.heartbeat_at, stopped_at = NULL""")) {
                ps.setString(1, worker);
                ps.setString(2, machine);
                ps.setLong(3, pid);
                ps.setObject(4, ts(now));
                ps.setObject(5, ts(now));
                return ps.executeUpdate();
            }
        });
    }

    /** The worker is alive at {@code now}. */
    public void heartbeat(String worker, Instant now) {
        update("record a heartbeat of " + worker,
                "UPDATE fleet_workers SET heartbeat_at = ? WHERE worker_id = ?", worker, now);
    }

    /** The worker stopped on its own at {@code now} (a killed worker never gets here; its heartbeat just ages). */
    public void stopped(String worker, Instant now) {
        update("record that " + worker + " stopped",
                "UPDATE fleet_workers SET stopped_at = ? WHERE worker_id = ?", worker, now);
    }

    private void update(String what, String sql, String worker, Instant now) {
        db.call(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, ts(now));
                ps.setString(2, worker);
                return ps.executeUpdate();
            }
        });
    }

    /** Every worker ever registered, most recent heartbeat first. */
    public List<WorkerRow> all() {
        return db.call("list the workers", c -> {
            List<WorkerRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT worker_id, machine, pid, started_at, heartbeat_at,"
                    + " activity, stopped_at FROM fleet_workers ORDER BY heartbeat_at DESC, worker_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new WorkerRow(rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs, 4),
                            instant(rs, 5), "crawling".equals(rs.getString(6)), Optional.ofNullable(instant(rs, 7))));
                }
            }
            return rows;
        });
    }

    /** One registered worker. */
    public record WorkerRow(String worker, String machine, long pid, Instant startedAt, Instant heartbeatAt,
                            boolean crawling, Optional<Instant> stoppedAt) {
    }

    /** The worker's crawl engine starts ({@code true}) or ended its round ({@code false}). */
    public void crawling(String worker, boolean crawling, Instant now) {
        db.call("record the activity of " + worker, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE fleet_workers SET activity = ?, heartbeat_at = ? WHERE worker_id = ?")) {
                ps.setString(1, crawling ? "crawling" : "idle");
                ps.setObject(2, ts(now));
                ps.setString(3, worker);
                return ps.executeUpdate();
            }
        });
    }

    /** Live workers (a heartbeat after {@code aliveSince}, not stopped) whose crawl engine is running, other than {@code except}. */
    public long othersCrawling(String except, Instant aliveSince) {
        return db.call("count the crawling workers", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM fleet_workers WHERE activity ="
                    + " 'crawling' AND stopped_at IS NULL AND heartbeat_at > ? AND worker_id <> ?")) {
                ps.setObject(1, ts(aliveSince));
                ps.setString(2, except);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
