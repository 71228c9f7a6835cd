package dev.scout.store.internal;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;
import dev.scout.store.StoreOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Opens a store file safely: refuses a file that is not SQLite, a file written by a newer schema, and a locked
 * file, each before anything in it is changed; then switches to WAL, sets pragmas and applies migrations.
 */
public final class StoreFile {
    /** Path meaning "a private in-memory database". */
    public static final String MEMORY = ":memory:";

    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StoreFile() {
    }

    /** Opens (creating when absent) and migrates the store at {@code file}; the caller owns the returned connection. */
    public static Sql open(Path file, StoreOptions options) {
        boolean memory = file.toString().equals(MEMORY);
        if (!memory) {
            checkHeader(file);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + (memory ? MEMORY : file.toAbsolutePath()));
        } catch (SQLException e) {
            throw Errors.translate(file, e, "open the database");
        }
        Sql sql = new Sql(connection);
        try {
            sql.exec("PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
            // Read the version before anything writes: WAL mode and migrations change the file.
            int version = (int) sql.queryLong("PRAGMA user_version");
            if (version > Schema.CURRENT) {
                throw new StoreException(file, Kind.NEWER_SCHEMA, file + " was written by a newer Scout (schema "
                        + version + ", this program knows up to " + Schema.CURRENT + "); upgrade Scout or use another"
                        + " store file. Nothing in it was changed.");
            }
            if (!memory) {
                if (options.checkPages()) {
                    quickCheck(file, sql);
                }
                sql.exec("PRAGMA journal_mode = WAL");
            }
            sql.exec("PRAGMA synchronous = " + (options.fullSync() ? "FULL" : "NORMAL"));
            sql.exec("PRAGMA cache_size = -" + options.pageCacheMib() * 1024L);
            if (options.maxPageCount().isPresent()) {
                sql.exec("PRAGMA max_page_count = " + options.maxPageCount().getAsLong());
            }
            // Foreign keys go on after migrating: a migration that rebuilds a table (5: runs) must be able to drop
            // the old one without cascading into the rows that point at it.
            Schema.migrate(sql, version);
            sql.exec("PRAGMA foreign_keys = ON");
            return sql;
        } catch (SQLException e) {
            closeQuietly(sql, e);
            throw Errors.translate(file, e, "open the database");
        } catch (RuntimeException e) {
            closeQuietly(sql, e);
            throw e;
        }
    }

    /**
     * SQLite's {@code PRAGMA quick_check}: every page of every table and index is read and its structure checked
     * (not index-to-table consistency, which the full {@code integrity_check} adds at several times the cost). Reads
     * only, so a damaged file is refused byte-for-byte unchanged, before WAL mode, migrations or a run row touch it.
     */
    private static void quickCheck(Path file, Sql sql) throws SQLException {
        List<String> problems;
        try {
            problems = sql.queryStrings("PRAGMA quick_check(3)");
        } catch (SQLException e) {
            if (Errors.isCorrupt(e)) { // some damage stops the check itself
                throw Errors.damaged(file, e.getMessage());
            }
            throw e;
        }
        if (problems.size() == 1 && problems.get(0).equals("ok")) {
            return;
        }
        throw Errors.damaged(file, String.join("; ", problems));
    }

    /** A non-empty file must start with the SQLite header; anything else is refused before SQLite touches it. */
    private static void checkHeader(Path file) {
        if (Files.isDirectory(file)) {
            throw new StoreException(file, Kind.IO, "store " + file + " is a directory; set 'store:' to a file path"
                    + " such as scout.db");
        }
        if (!Files.exists(file)) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new StoreException(file, Kind.IO, "cannot create the folder of store " + file + ": " + e.getMessage(), e);
            }
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(file, Kind.IO, "cannot read store " + file + ": " + e.getMessage()
                    + ". Check its permissions.", e);
        }
        if (read > 0 && (read < head.length || !Arrays.equals(head, SQLITE_HEADER))) {
            throw Errors.corrupt(file, "it does not start with the SQLite header", null);
        }
    }

    private static void closeQuietly(Sql sql, Exception primary) {
        try {
            sql.close();
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
    }
}
