package dev.scout.demo;

import java.util.HashSet;
import java.util.Set;

/**
 * Precision and recall of the flagged set against a ground truth.
 *
 * @param truePositives  flagged and in the truth
 * @param falsePositives flagged but not in the truth
 * @param falseNegatives in the truth but not flagged
 */
public record PrecisionRecall(int truePositives, int falsePositives, int falseNegatives) {

    public static PrecisionRecall of(Set<String> flagged, Set<String> truth) {
        Set<String> tp = new HashSet<>(flagged);
        tp.retainAll(truth);
        return new PrecisionRecall(tp.size(), flagged.size() - tp.size(), truth.size() - tp.size());
    }

    /** tp / (tp + fp); 1.0 when nothing was flagged and nothing should have been. */
    public double precision() {
        int flagged = truePositives + falsePositives;
        return flagged == 0 ? (falseNegatives == 0 ? 1.0 : 0.0) : (double) truePositives / flagged;
    }

    /** tp / (tp + fn); 1.0 when the truth is empty. */
    public double recall() {
        int truth = truePositives + falseNegatives;
        return truth == 0 ? 1.0 : (double) truePositives / truth;
    }
}
