package dev.scout.app.report;

import dev.scout.app.export.AtomicOutput;
import dev.scout.app.export.ExportException;
import dev.scout.scorer.ScoredProfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Writes the self-contained HTML report: run summary, engagement-vs-followers scatter plot, score histogram,
 * sortable candidate table and a card per flagged candidate (when none is flagged, the ten best-scoring). The file opens offline and loads nothing.
 * Written under a temporary name and moved into place, so a failure leaves no partial report. Thread-safe.
 */
public final class ReportWriter {

    /** Cards shown when there are more flagged candidates; the table still lists every profile. */
    public static final int DEFAULT_MAX_CARDS = 200;

    /** Profiles in the table and plot (plus any flagged beyond it); the histogram counts all. */
    public static final int DEFAULT_MAX_ROWS = 5_000;

    private final int maxCards;
    private final int maxRows;

    public ReportWriter() {
        this(DEFAULT_MAX_CARDS, DEFAULT_MAX_ROWS);
    }

    /**
     * @param maxCards most candidate cards to render (at least 1)
     * @param maxRows  most best-scoring profiles in the table and scatter plot (at least 1); flagged profiles are
     *                 always included, so the file stays small enough to open even for a million scored profiles
     */
    public ReportWriter(int maxCards, int maxRows) {
        if (maxCards < 1 || maxRows < 1) {
            throw new IllegalArgumentException("maxCards and maxRows must be at least 1, were " + maxCards + ", " + maxRows);
        }
        this.maxCards = maxCards;
        this.maxRows = maxRows;
    }

    /**
     * Writes the report for {@code profiles} (the caller chooses which: typically every scored profile of the run)
     * to {@code target}.
     *
     * @throws ExportException naming {@code target} when it cannot be written, or when {@code profiles} is empty
     */
    public void write(Path target, RunSummary run, List<ScoredProfile> profiles) {
        Objects.requireNonNull(run, "run");
        if (profiles.isEmpty()) {
            throw new ExportException(ExportException.Kind.NOTHING_TO_EXPORT, target,
                    "nothing to report: no scored profiles, so " + target + " was not written; run `scout score` first");
        }
        write(target, ReportPage.html(run, profiles, maxCards, maxRows));
    }

    /**
     * Writes the report from a stream of verdicts in best-first order (score descending, then id), as
     * {@code Store.scores(runId)} yields them. Reads the stream once and keeps only the rows the page shows and the
     * histogram's counts, so memory does not grow with the run.
     *
     * @throws ExportException naming {@code target} when it cannot be written, or when {@code bestFirst} is empty
     */
    public void write(Path target, RunSummary run, Iterator<ScoredProfile> bestFirst) {
        Objects.requireNonNull(run, "run");
        ReportRows rows = ReportRows.collect(bestFirst, maxRows);
        if (rows.total() == 0) {
            throw new ExportException(ExportException.Kind.NOTHING_TO_EXPORT, target,
                    "nothing to report: no scored profiles, so " + target + " was not written; run `scout score` first");
        }
        write(target, ReportPage.html(run, rows, maxCards));
    }

    private static void write(Path target, String html) {
        AtomicOutput output = AtomicOutput.create(target);
        try {
            output.stream().write(html.getBytes(StandardCharsets.UTF_8));
            output.commit();
        } catch (IOException e) {
            output.discard(e);
            throw new ExportException(ExportException.Kind.IO_FAILURE, output.target(),
                    "writing report " + output.target() + " failed: " + e.getMessage()
                            + "; check free space and permissions, then run again", e);
        }
    }
}
