package dev.scout.app.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.BufferedWriter;

/**
 * The open/write/close/abort bookkeeping shared by the file exporters: state checks, the row count, the
 * "nothing to export" rule and turning I/O failures into {@link ExportException}s. Not thread-safe.
 */
final class ExportFile {

    private final String format;
    private AtomicOutput output;
    private Writer writer;
    private RunInfo run;
    private long written;
    private boolean done;

    ExportFile(String format) {
        this.format = format;
    }

    /** Opens a UTF-8 writer on a temporary file next to {@code target}. */
    Writer open(Path target, RunInfo run) {
        if (output != null) {
            throw new ExportException(ExportException.Kind.MISUSE, target,
                    format + " exporter is already open on " + output.target() + "; use one exporter per file");
        }
        this.output = AtomicOutput.create(target);
        this.run = run;
        this.writer = new BufferedWriter(new OutputStreamWriter(output.stream(), StandardCharsets.UTF_8), 1 << 16);
        return writer;
    }

    RunInfo run() {
        return run;
    }

    /** Throws unless open and not yet finished. */
    void checkWritable() {
        if (output == null || done) {
            throw new ExportException(ExportException.Kind.MISUSE, output == null ? null : output.target(),
                    format + " exporter: write() called " + (output == null ? "before open()" : "after close() or abort()"));
        }
    }

    void counted() {
        written++;
    }

    long written() {
        return written;
    }

    /** Wraps an I/O failure during a write, discarding the partial file. */
    ExportException failed(IOException e) {
        ExportException ex = new ExportException(ExportException.Kind.IO_FAILURE, output.target(),
                "writing " + format + " export " + output.target() + " failed after " + written + " rows: "
                        + e.getMessage() + "; check free space and permissions, then run the export again", e);
        abort(ex);
        return ex;
    }

    /** Flushes and moves the file into place; after zero rows, discards it and throws NOTHING_TO_EXPORT. */
    void commit() {
        if (output == null || done) {
            return;
        }
        if (written == 0) {
            ExportException ex = new ExportException(ExportException.Kind.NOTHING_TO_EXPORT, output.target(),
                    "nothing to export: no scored profiles, so " + output.target()
                            + " was not written; run `scout run` (or `scout score --input FILE`) first (or check the store path)");
            abort(ex);
            throw ex;
        }
        done = true;
        try {
            writer.flush();
            output.commit();
        } catch (IOException e) {
            output.discard(e);
            throw new ExportException(ExportException.Kind.IO_FAILURE, output.target(),
                    "finishing " + format + " export " + output.target() + " failed: " + e.getMessage()
                            + "; check free space and permissions, then run the export again", e);
        }
    }

    /** Discards the temporary file; {@code cause} collects secondary failures when given. */
    void abort(Throwable cause) {
        if (output == null || done) {
            return;
        }
        done = true;
        output.discard(cause);
    }
}
