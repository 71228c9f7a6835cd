package dev.scout.app.export;

import dev.scout.scorer.ScoredProfile;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;

/**
 * Drives an {@link Exporter} over a sequence of profiles: the file appears only when every profile was written,
 * and any failure (including one thrown by the source while iterating) discards the partial file.
 */
public final class ExportJob {

    private ExportJob() {
    }

    /**
     * Writes every profile of {@code profiles} to {@code target} and returns how many were written.
     *
     * @throws ExportException when the target is unwritable, writing fails, or {@code profiles} is empty
     *                         ({@link ExportException.Kind#NOTHING_TO_EXPORT}); no file is left in those cases
     */
    public static long run(Exporter exporter, Path target, RunInfo run, Iterator<ScoredProfile> profiles) {
        Objects.requireNonNull(exporter, "exporter");
        exporter.open(target, run);
        try {
            while (profiles.hasNext()) {
                exporter.write(profiles.next());
            }
        } catch (RuntimeException | Error e) {
            exporter.abort();
            throw e;
        }
        exporter.close();
        return exporter.written();
    }
}
