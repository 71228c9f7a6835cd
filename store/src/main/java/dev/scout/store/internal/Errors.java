package dev.scout.store.internal;

import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite result codes into {@link StoreException}s that name the file, the problem and what to do. */
public final class Errors {
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_NOTADB = 26;

    private static final String RECOVER_ADVICE = "Restore it from a backup, or recover what SQLite can still read:"
            + " 'sqlite3 %s .recover | sqlite3 recovered.db', then set 'store:' to recovered.db (or move %s aside to"
            + " start a fresh store).";

    private Errors() {
    }

    /** @param doing what the store was doing, as a verb phrase ("store a snapshot of mastodon:ana@fika.example") */
    public static StoreException translate(Path file, SQLException e, String doing) {
        // Extended result codes (SQLITE_BUSY_SNAPSHOT = 517 …) keep the primary code in the low byte.
        int code = e.getErrorCode() & 0xff;
        return switch (code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreException(file, Kind.LOCKED, "store " + file
                    + " is locked by another process (is another scout run using it?) so Scout could not " + doing
                    + ". Wait for that process to finish or stop it, then run the command again; nothing was changed.", e);
            case SQLITE_NOTADB -> corrupt(file, e.getMessage(), e);
            case SQLITE_CORRUPT -> new StoreException(file, Kind.CORRUPT, "store " + file + " is damaged ("
                    + e.getMessage() + ") so Scout could not " + doing + ". " + RECOVER_ADVICE.formatted(
                    file.getFileName(), file.getFileName()), e);
            case SQLITE_FULL -> new StoreException(file, Kind.DISK_FULL, "the disk holding store " + file
                    + " is full (or the store's size cap was reached) so Scout could not " + doing
                    + ". Free some space and run the same command again: the crawl resumes where it stopped, and"
                    + " profiles whose data was not yet written are fetched again.", e);
            default -> new StoreException(file, Kind.IO, "store " + file + ": could not " + doing + " ("
                    + e.getMessage() + "). Check that the file is on a local, writable disk, then run the command again.", e);
        };
    }

    /** The message for a file that is not a SQLite database or is damaged; nothing in it was changed. */
    public static StoreException corrupt(Path file, String detail, Throwable cause) {
        return new StoreException(file, Kind.CORRUPT, "store " + file + " is not a Scout store or is damaged ("
                + detail + "). Scout changed nothing in it. Move the file aside (keep it if you want to try 'sqlite3 "
                + file.getFileName() + " .recover'), then rerun to start a fresh store, or set 'store:' to another"
                + " file; or restore it from a backup.", cause);
    }

    /** A SQLite file whose pages fail {@code PRAGMA quick_check}; nothing in it was changed. */
    public static StoreException damaged(Path file, String problems) {
        String name = String.valueOf(file.getFileName());
        return new StoreException(file, Kind.CORRUPT, "store " + file + " is damaged (SQLite quick_check: "
                + abbreviate(problems) + "). Scout changed nothing in it. " + RECOVER_ADVICE.formatted(name, name), null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    /** True when SQLite found the file damaged or not a database. */
    public static boolean isCorrupt(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /**
     * True for failures of the file or disk as a whole (busy, read-only, I/O error, corrupt, full), after which the
     * batch is abandoned and the store refuses further writes; false for a failure of one statement.
     */
    public static boolean isEnvironmental(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        return code == SQLITE_BUSY || code == SQLITE_LOCKED || code == 8 /* READONLY */ || code == 10 /* IOERR */
                || code == SQLITE_CORRUPT || code == SQLITE_FULL || code == 14 /* CANTOPEN */ || code == SQLITE_NOTADB;
    }
}
