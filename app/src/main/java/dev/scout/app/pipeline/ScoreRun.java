package dev.scout.app.pipeline;

import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.Scorer;
import dev.scout.store.Store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Scores the newest stored snapshot of every profile into the store as the verdicts of one run, streaming: the
 * snapshots are read a page at a time and the verdicts written in chunks, so memory holds a page and a chunk,
 * not the run. Read the verdicts back best first with {@link Store#scores(long)}.
 *
 * @param scored     verdicts stored
 * @param flagged    of which flagged
 * @param topFlagged the best flagged verdicts, best first, at most the number asked for
 */
public record ScoreRun(long scored, long flagged, List<ScoredProfile> topFlagged) {

    /** Best first: score descending, then id, the order of {@link Store#scores(long)}. */
    public static final Comparator<ScoredProfile> BEST_FIRST = Comparator.comparingDouble(ScoredProfile::score).reversed()
            .thenComparing(p -> p.account().id());

    public ScoreRun {
        topFlagged = List.copyOf(topFlagged);
    }

    /** @param top how many of the best flagged verdicts to keep in {@link #topFlagged()} */
    public static ScoreRun score(Store store, long runId, Scorer scorer, int top) {
        Tally tally = new Tally(top);
        store.saveScores(runId, new Iterator<>() {
            private final Iterator<dev.scout.model.ProfileSnapshot> snapshots = store.latestSnapshots();

            @Override
            public boolean hasNext() {
                return snapshots.hasNext();
            }

            @Override
            public ScoredProfile next() {
                ScoredProfile p = scorer.score(snapshots.next());
                tally.add(p);
                return p;
            }
        });
        return tally.result();
    }

    /** Counts and the bounded sets of verdicts kept while scoring. Not thread-safe. */
    private static final class Tally {
        private final int top;
        /** Worst of the best at the head, so the worst is dropped first. */
        private final PriorityQueue<ScoredProfile> best;
        private long scored;
        private long flagged;

        Tally(int top) {
            this.top = top;
            this.best = new PriorityQueue<>(Math.max(1, top + 1), BEST_FIRST.reversed());
        }

        void add(ScoredProfile p) {
            scored++;
            if (p.flagged()) {
                flagged++;
                if (top > 0) {
                    best.add(p);
                    if (best.size() > top) {
                        best.poll();
                    }
                }
            }
        }

        ScoreRun result() {
            List<ScoredProfile> sorted = new ArrayList<>(best);
            sorted.sort(BEST_FIRST);
            return new ScoreRun(scored, flagged, sorted);
        }
    }
}
