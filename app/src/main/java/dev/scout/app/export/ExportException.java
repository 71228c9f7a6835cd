package dev.scout.app.export;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An export could not be written. The message names the file, what went wrong and what to do; {@link #kind()}
 * lets the CLI choose an exit code without reading the message.
 */
public final class ExportException extends RuntimeException {

    /** Why the export failed. */
    public enum Kind {
        /** The target folder is missing, read-only, or the target is a directory. */
        UNWRITABLE,
        /** Writing or moving the file failed part-way. */
        IO_FAILURE,
        /** The export would have had no rows. */
        NOTHING_TO_EXPORT,
        /** The exporter was used out of order (write before open, open twice). */
        MISUSE
    }

    private final transient Path path;
    private final Kind kind;

    public ExportException(Kind kind, Path path, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.path = path;
    }

    public ExportException(Kind kind, Path path, String message) {
        this(kind, path, message, null);
    }

    /** The export's target file. */
    public Path path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }
}
