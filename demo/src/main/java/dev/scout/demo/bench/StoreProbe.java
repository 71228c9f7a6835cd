package dev.scout.demo.bench;

import dev.scout.store.postgres.PostgresLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a store that another process is crawling into: frontier entries per state, row counts and size on disk.
 * SQLite's WAL mode lets this reader run beside the crawl's writer without blocking it; on PostgreSQL it is one more
 * client. Not thread-safe.
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

    private final String where;
    private final Connection connection;
    private final Optional<Path> file;

    private StoreProbe(String where, Connection connection, Optional<Path> file) {
        this.where = where;
        this.connection = connection;
        this.file = file;
    }

    /** Reads the SQLite store {@code file}. */
    static StoreProbe sqlite(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
                s.execute("PRAGMA query_only = 1");
            }
            return new StoreProbe(file.toString(), connection, Optional.of(file));
        } catch (SQLException e) {
            throw new BenchException("cannot read the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the PostgreSQL store at {@code where}. */
    static StoreProbe postgres(PostgresLocation where) {
        return new StoreProbe(where.masked(), BenchPostgres.connect(where), Optional.empty());
    }

    /** Bytes the store takes on disk: the SQLite file plus its WAL, or the PostgreSQL database. */
    long bytes() {
        if (file.isPresent()) {
            return size(file.get()) + size(file.get().resolveSibling(file.get().getFileName() + "-wal"));
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new BenchException("cannot read the size of the store " + where + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new BenchException("cannot read the size of " + file + ": " + e.getMessage(), e);
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
            throw new BenchException("cannot read the frontier of " + where + ": " + e.getMessage(), e);
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
            throw new BenchException("cannot count the rows of " + table + " in " + where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new BenchException("cannot close the store " + where + ": " + e.getMessage(), e);
        }
    }
}
