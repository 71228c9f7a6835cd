package dev.scout.app.report;

import dev.scout.scorer.ScoredProfile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What the report keeps of a run, read once from a best-first stream: the best {@code maxRows} profiles plus every
 * flagged one (for the table, plot and cards), and the score histogram over every profile. Memory holds those rows
 * and ten counters, never the whole run, so a 100,000-profile report fits a small heap.
 *
 * @param ranked best first: the top {@code maxRows} and every flagged profile after them
 * @param total  profiles read
 * @param bins   histogram counts of every profile read
 */
record ReportRows(List<ScoredProfile> ranked, long total, ScoreHistogram.Bins bins) {

    /** Reads {@code bestFirst} to its end; the caller guarantees the order (score descending, then id). */
    static ReportRows collect(Iterator<ScoredProfile> bestFirst, int maxRows) {
        List<ScoredProfile> ranked = new ArrayList<>();
        ScoreHistogram.Bins bins = new ScoreHistogram.Bins();
        long total = 0;
        while (bestFirst.hasNext()) {
            ScoredProfile p = bestFirst.next();
            bins.add(p);
            if (total < maxRows || p.flagged()) {
                ranked.add(p);
            }
            total++;
        }
        return new ReportRows(List.copyOf(ranked), total, bins);
    }
}
