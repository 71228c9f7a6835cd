package dev.scout.demo.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a store file that another process is crawling into: frontier entries per state and row counts. SQLite's
 * WAL mode lets this reader run beside the crawl's writer without blocking it. Not thread-safe.
 */
final class StoreProbe implements AutoCloseable {

    /** Frontier entries per state ({@code pending}, {@code in_flight}, {@code done}, {@code failed}, {@code skipped}). */
    record Frontier(Map<String, Long> states) {
        long total() {
            return states.values().stream().mapToLong(Long::longValue).sum();
        }

        long get(String state) {
            return states.getOrDefault(state, 0L);
        }

        /** Entries in a final state: fetched, failed for good or skipped. */
        long finished() {
            return get("done") + get("failed") + get("skipped");
        }
    }

    private final Path file;
    private final Connection connection;

    StoreProbe(Path file) {
        this.file = file;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA query_only = 1");
            }
        } catch (SQLException e) {
            throw new BenchException("cannot read the store " + file + ": " + e.getMessage(), e);
        }
    }

    Frontier frontier() {
        Map<String, Long> states = new HashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, count(*) FROM frontier GROUP BY state")) {
            while (rs.next()) {
                states.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new BenchException("cannot read the frontier of " + file + ": " + e.getMessage(), e);
        }
        return new Frontier(Map.copyOf(states));
    }

    /** Rows in {@code table} (a table of the store's schema). */
    long rows(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new BenchException("cannot count the rows of " + table + " in " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new BenchException("cannot close the store " + file + ": " + e.getMessage(), e);
        }
    }
}
