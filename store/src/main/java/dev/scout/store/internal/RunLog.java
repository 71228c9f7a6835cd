package dev.scout.store.internal;

import dev.scout.store.RunInfo;
import dev.scout.store.RunInfo.RunStatus;
import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;


import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code runs} table: one row per run with its config hash, version, times, status and counters. Thread-safe. */
public final class RunLog {
    private final WriteQueue queue;
    private final Json json;
    private final Clock clock;
    private final String file;

    public RunLog(WriteQueue queue, Json json, Clock clock, String file) {
        this.queue = queue;
        this.json = json;
        this.clock = clock;
        this.file = file;
    }

    public long start(String configHash, String version) {
        long now = clock.millis();
        return queue.call(sql -> {
            PreparedStatement ps = sql.prepare("INSERT INTO runs (config_hash, version, started_at, status)"
                    + " VALUES (?, ?, ?, 'running')");
            ps.setString(1, configHash);
            ps.setString(2, version);
            ps.setLong(3, now);
            ps.executeUpdate();
            return sql.queryLong(sql.dialect().lastInsertId());
        }, "record the start of a run");
    }

    public void finish(long runId, RunStatus status, String reason, Map<String, Long> counters) {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("finishRun needs an end status (completed, failed, interrupted or"
                    + " usage_error), not running");
        }
        String line = oneLine(reason);
        String encoded = json.write(Map.copyOf(counters), "the counters of run " + runId);
        long now = clock.millis();
        int updated = queue.call(sql -> {
            PreparedStatement ps = sql.prepare("UPDATE runs SET finished_at = ?, status = ?, counters = ?, reason = ?"
                    + " WHERE id = ?");
            ps.setLong(1, now);
            ps.setString(2, status.name().toLowerCase(Locale.ROOT));
            ps.setString(3, encoded);
            ps.setString(4, line.isEmpty() ? null : line);
            ps.setLong(5, runId);
            return ps.executeUpdate();
        }, "record the end of run " + runId);
        if (updated == 0) {
            throw new StoreException(file, Kind.IO, "store " + file + " has no run " + runId
                    + "; finishRun needs an id returned by startRun on the same store");
        }
    }

    public List<RunInfo> last(int n) {
        record Raw(long id, String hash, String version, long started, Long finished, String status, String counters,
                   String reason) {
        }
        List<Raw> raws = queue.call(sql -> {
            PreparedStatement ps = sql.prepare("SELECT id, config_hash, version, started_at, finished_at, status, counters, reason"
                    + " FROM runs ORDER BY id DESC LIMIT ?");
            ps.setInt(1, n);
            List<Raw> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long finished = rs.getLong(5);
                    Long fin = rs.wasNull() ? null : finished;
                    out.add(new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), fin,
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return out;
        }, "read the last runs");
        return raws.stream().map(r -> new RunInfo(r.id(), r.hash(), r.version(), Instant.ofEpochMilli(r.started()),
                Optional.ofNullable(r.finished()).map(Instant::ofEpochMilli),
                RunStatus.valueOf(r.status().toUpperCase(Locale.ROOT)), json.counters(r.counters(), r.id()),
                r.reason())).toList();
    }

    /** One line (line breaks and other controls become spaces), at most {@link RunInfo#MAX_REASON} characters. */
    static String oneLine(String reason) {
        if (reason == null) {
            return "";
        }
        String flat = reason.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        if (flat.length() <= RunInfo.MAX_REASON) {
            return flat;
        }
        int end = RunInfo.MAX_REASON - 1;
        if (Character.isHighSurrogate(flat.charAt(end - 1))) {
            end--;
        }
        return flat.substring(0, end) + "…";
    }
}
