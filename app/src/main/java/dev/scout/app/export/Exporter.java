package dev.scout.app.export;

import dev.scout.scorer.ScoredProfile;

import java.nio.file.Path;

/**
 * A streaming writer of scored profiles to one file. Memory use does not grow with the number of profiles.
 *
 * <p>Lifecycle: {@link #open} once, {@link #write} any number of times, then {@link #close} to move the finished
 * file into place, or {@link #abort} to discard it. Until {@code close} succeeds the target path is untouched,
 * so a failed export never leaves a partial or empty file. Closing after zero writes throws
 * {@link ExportException.Kind#NOTHING_TO_EXPORT} and leaves no file. Not thread-safe; one instance per file.
 * {@link ExportJob} drives this lifecycle for a stream.
 */
public interface Exporter extends AutoCloseable {

    /** Starts a new file at {@code target}; throws {@link ExportException} when the target cannot be written. */
    void open(Path target, RunInfo run);

    /** Appends one profile; throws {@link ExportException} on an I/O failure. */
    void write(ScoredProfile profile);

    /** Finishes the file and moves it into place; does nothing after {@link #abort}. */
    @Override
    void close();

    /** Discards everything written so far; safe to call at any time and more than once. */
    void abort();

    /** Profiles written since {@link #open}. */
    long written();
}
