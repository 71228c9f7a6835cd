package dev.scout.store.postgres.fleet;

import java.sql.PreparedStatement;
import java.time.Instant;

import static dev.scout.store.postgres.fleet.HostLeases.ts;

/**
 * Who finishes a run: scoring and outputs happen once per run, by whichever worker first finds the frontier empty.
 * The claim is one {@code INSERT … ON CONFLICT DO NOTHING} on {@code fleet_run_finish}, so exactly one worker wins,
 * however many ask at the same moment. Thread-safe.
 */
public final class RunFinish {
    private final FleetDatabase db;

    public RunFinish(FleetDatabase db) {
        this.db = db;
    }

    /** True for exactly one caller per run: that worker scores the run and writes its outputs. */
    public boolean claim(long runId, String worker, Instant now) {
        return db.call("claim the finish of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO fleet_run_finish (run_id, worker_id,"
                    + " claimed_at) VALUES (?, ?, ?) ON CONFLICT (run_id) DO NOTHING")) {
                ps.setLong(1, runId);
                ps.setString(2, worker);
                ps.setObject(3, ts(now));
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The winner of {@link #claim} finished the run's outputs. */
    public void finished(long runId, Instant now) {
        db.call("record the finish of run " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE fleet_run_finish SET finished_at = ? WHERE run_id = ?")) {
                ps.setObject(1, ts(now));
                ps.setLong(2, runId);
                return ps.executeUpdate();
            }
        });
    }
}
