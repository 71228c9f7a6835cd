package dev.scout.scorer.authenticity;

import java.util.OptionalDouble;

/**
 * The two-rule baseline of issue 13: an account is fake when it follows more than 10 times as many accounts as
 * follow it (0 followers counting as infinitely many times), or when it has no posts and no bio. The benchmark
 * measures the classifier against it, and the classifier uses it as one of its inputs: the SRF Data labellers
 * called a follower fake chiefly when it "follows an exorbitantly high number", a hard line the logistic model's
 * smooth log terms did not draw (BENCHMARKS.md, "Account classifier"). Stateless and thread-safe.
 */
public final class TwoRuleBaseline {

    /** Following above this multiple of followers fires the first rule. */
    public static final long RATIO = 10;

    private TwoRuleBaseline() {
    }

    /** Whether either rule fires; an unknown count or bio fires neither. */
    public static boolean fires(AccountFeatures f) {
        return ratioFires(f) || noPostsNoBio(f);
    }

    /**
     * As an input to the model: 1 when a rule fires, 0 when neither does and the follower and following counts are
     * known (so the first rule could have fired), empty otherwise: a rule that could not be checked is no evidence.
     */
    public static OptionalDouble indicator(AccountFeatures f) {
        if (fires(f)) {
            return OptionalDouble.of(1);
        }
        return f.followers().isPresent() && f.following().isPresent() ? OptionalDouble.of(0) : OptionalDouble.empty();
    }

    static boolean ratioFires(AccountFeatures f) {
        if (f.followers().isEmpty() || f.following().isEmpty()) {
            return false;
        }
        long followers = f.followers().getAsLong();
        // No product overflows: an account with more than Long.MAX_VALUE / 10 followers cannot follow 10 times as many.
        return followers == 0 || followers <= Long.MAX_VALUE / RATIO && f.following().getAsLong() > RATIO * followers;
    }

    static boolean noPostsNoBio(AccountFeatures f) {
        return f.posts().isPresent() && f.posts().getAsLong() == 0 && f.bioEmpty(); // bioEmpty is false when unknown
    }
}
