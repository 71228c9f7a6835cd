package dev.scout.scorer.authenticity;

import dev.scout.model.Account;

import java.time.Instant;
import java.util.List;

/**
 * Audience quality from a sample of a profile's followers: the same {@link AccountClassifier} as for the profile
 * itself (fitted on real labelled accounts, docs/DATASETS.md) gives each follower a probability of being fake, and
 * the share of fakes in the sample is estimated from those probabilities ({@link FakeShare}) rather than by
 * counting per-account verdicts, which would count every real person the classifier is unsure about as a whole
 * fake. Also the share of mass followers (following more than 1,500 accounts: real but low-value audience,
 * HypeAuditor; counted as real here). Thread-safe.
 */
public final class AudienceQuality {

    public static final long MASS_FOLLOWING = 1_500;

    /** @param realPct estimated percentage of real accounts in the sample; massFollowerShare fraction following > 1,500 */
    public record Result(double realPct, double massFollowerShare, int sampleSize) {
    }

    private final AccountClassifier classifier;

    public AudienceQuality(AccountClassifier classifier) {
        this.classifier = classifier;
    }

    /** Estimated percentage of real accounts among already-read features (0 for an empty list): what {@link #assess} reports. */
    public double realPct(List<AccountFeatures> sample) {
        if (sample.isEmpty()) {
            return 0;
        }
        double[] p = new double[sample.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = classifier.evidence(sample.get(i));
        }
        return 100.0 * (1 - FakeShare.estimate(p));
    }

    /** @param sample a non-empty sample; {@code now} is the crawl time (for account age) */
    public Result assess(List<Account> sample, Instant now) {
        List<AccountFeatures> features = sample.stream().map(a -> AccountFeatures.of(a, now)).toList();
        long mass = features.stream()
                .filter(f -> f.following().isPresent() && f.following().getAsLong() > MASS_FOLLOWING).count();
        int n = sample.size();
        return new Result(realPct(features), n == 0 ? 0 : (double) mass / n, n);
    }
}
