package dev.scout.scorer.authenticity;

import dev.scout.model.Account;

import java.time.Instant;
import java.util.List;

/**
 * Audience quality from a sample of a profile's followers: the same {@link AccountClassifier} as for the profile
 * itself (fitted on real labelled accounts, docs/DATASETS.md) applied to each →
 * percentage judged real, plus the share of mass followers (following more than 1,500 accounts: real but
 * low-value audience, HypeAuditor; counted as real here). Thread-safe.
 */
public final class AudienceQuality {

    public static final long MASS_FOLLOWING = 1_500;

    /** @param realPct percentage of the sample judged real; massFollowerShare fraction following > 1,500 */
    public record Result(double realPct, double massFollowerShare, int sampleSize) {
    }

    private final AccountClassifier classifier;

    public AudienceQuality(AccountClassifier classifier) {
        this.classifier = classifier;
    }

    /** Percentage of already-read accounts judged real (0 for an empty list): what {@link #assess} reports. */
    public double realPct(List<AccountFeatures> sample) {
        int real = 0;
        for (AccountFeatures f : sample) {
            if (!classifier.isSuspicious(f)) {
                real++;
            }
        }
        return sample.isEmpty() ? 0 : 100.0 * real / sample.size();
    }

    /** @param sample a non-empty sample; {@code now} is the crawl time (for account age) */
    public Result assess(List<Account> sample, Instant now) {
        int real = 0;
        int mass = 0;
        for (Account a : sample) {
            AccountFeatures f = AccountFeatures.of(a, now);
            if (!classifier.isSuspicious(f)) {
                real++;
            }
            if (f.following().isPresent() && f.following().getAsLong() > MASS_FOLLOWING) {
                mass++;
            }
        }
        int n = sample.size();
        return new Result(n == 0 ? 0 : 100.0 * real / n, n == 0 ? 0 : (double) mass / n, n);
    }
}
