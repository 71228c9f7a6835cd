package dev.scout.scorer.authenticity;

/**
 * The share of fakes in a sample, estimated from the classifier's calibrated probabilities rather than by counting
 * per-account verdicts. The classifier's probabilities are calibrated to the prior it was fitted with (an even one:
 * fake and genuine accounts had equal weight), so {@code p / (1 − p)} is each account's likelihood ratio, fake
 * against real. For a sample whose fake share is π, each account's likelihood is then proportional to
 * {@code π·p + (1 − π)·(1 − p)}; the estimate is the mean of π under that likelihood with a uniform prior (the
 * Bayesian form of the prior re-estimation in Saerens, Latinne and Decaestecker 2002, Neural Computation 14(1)).
 * An account the classifier is unsure about (a real person with few followers and posts, p ≈ 0.6) moves the
 * estimate a little instead of counting as one whole fake; confident verdicts (p ≈ 0.99) weigh fully. The posterior
 * mean, unlike the maximum-likelihood share, never jumps to 0% or 100% real when the real accounts' evidence is weak.
 *
 * <p>Why: on samples of 80 accounts with 0–40% fakes drawn from the labelled sets of docs/DATASETS.md, a count of
 * verdicts decided the 75% audience gate wrongly on 11.5% (Instagram) and 37% (X) of the training-part samples,
 * this estimate on 11% and 20%; on the held-out parts 11% → 7% and 28% → 24% (BENCHMARKS.md, "Account
 * classifier"). Stateless and thread-safe.
 */
final class FakeShare {

    private static final int STEPS = 400;

    private FakeShare() {
    }

    /**
     * @param probabilities each account's probability of being fake under an even prior, each in [0, 1]
     * @return the estimated share of fakes in the sample, in (0, 1); 0 for an empty sample
     */
    static double estimate(double[] probabilities) {
        if (probabilities.length == 0) {
            return 0;
        }
        double[] logLikelihood = new double[STEPS + 1];
        double best = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= STEPS; s++) {
            double share = (double) s / STEPS;
            double sum = 0;
            for (double p : probabilities) {
                sum += Math.log(Math.max(Double.MIN_NORMAL, share * p + (1 - share) * (1 - p)));
            }
            logLikelihood[s] = sum;
            best = Math.max(best, sum);
        }
        double weight = 0;
        double weighted = 0;
        for (int s = 0; s <= STEPS; s++) {
            double w = Math.exp(logLikelihood[s] - best);
            weight += w;
            weighted += w * s / STEPS;
        }
        return weighted / weight;
    }
}
