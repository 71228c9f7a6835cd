package dev.scout.scorer.authenticity;

import java.util.ArrayList;
import java.util.List;
import dev.scout.scorer.text.Figures;

/**
 * "Suspicious account" (bought, fake or bot-like) classifier over profile-level features: a small naive-Bayes
 * logistic model whose weights are log-likelihood ratios of single rules, taken from the per-rule results Cresci et
 * al. 2015 ("Fame for sale", scoring.md §4.1) report on their balanced BAS set (1,950 humans + 1,950 bought fakes).
 *
 * <p>For a rule with recall R (share of fakes it fires on) and false-positive rate F (share of humans it fires
 * on), a firing rule adds ln(R/F) to the log-odds of "fake" and a silent rule adds ln((1-R)/(1-F)). F is derived
 * from the published precision P on the balanced set as F = R(1-P)/P. Weights are capped at ±3 so that no single
 * rule decides alone (the paper warns that single rules overfit its Twitter data).
 * <ul>
 *   <li>followers &lt; 30 (CC5, MCC 0.768): R 0.950, P 0.834 → +1.61 / −2.79;</li>
 *   <li>posts &lt; 50 (CC7, MCC 0.735): R 0.811, P 0.909 → +2.30 / −1.58;</li>
 *   <li>following &gt; 2 × followers (CC19, MCC 0.531): only accuracy and MCC are published; solving for R and F
 *       on a balanced set gives R 0.998, F 0.556 (the reading consistent with bought fakes following many) →
 *       +0.59 / −3 (capped). Read only from 30 followers up: below that, anyone following more than 60 accounts
 *       fires it, so it restates CC5 and naive Bayes would count the one fact twice (tipping ordinary quiet
 *       people with a bio and years of posts into "suspicious");</li>
 *   <li>no bio (CC4, MCC 0.306): solved the same way, R 0.315, F 0.073 → +1.46 / −0.30;</li>
 *   <li>following ≥ 50 × followers (SB1): R 0.162, P 0.997 → +3 (capped) / −0.18.</li>
 * </ul>
 * Three priors are not from Cresci (they come from vendor practice: Aspire and GRIN use photos, and bought
 * accounts are often auto-named) and have small weights: default avatar +0.5, four or more digits in the user
 * name +0.7, account younger than 30 days +0.7. An account the platform marks as a bot gets +10: the platform's
 * own declaration is decisive, not a likelihood ratio. The prior is
 * even (the BAS set is balanced); the verdict is suspicious when the probability reaches the configured cut.
 *
 * <p>Some platforms leave the counts out (a Bluesky follower-list entry carries no follower, following or post
 * counts). A missing count fires no rule either way, so the verdict rests on the profile features alone; the
 * reasons then say the counts were unavailable. Those features are weak priors, and under the even prior a single
 * one of them (an empty bio, a default avatar) would tip an ordinary account over the cut, which the cap above is
 * meant to prevent. So when no count is known, an account is suspicious only when the probability reaches the cut
 * <em>and</em> at least two independent profile features point the same way (or the platform marks it a bot): a
 * missing feature is never held against the account.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountClassifier {

    /** The classifier's verdict: probability of "suspicious", the verdict, and each rule that moved it. */
    public record Verdict(double probability, boolean suspicious, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private static final double CAP = 3.0;
    private static final int AUTO_NAME_DIGITS = 4;
    private static final long FEW_FOLLOWERS = 30;
    private static final long YOUNG_DAYS = 30;

    private final double cut;

    /** @param cut probability at or above which an account is suspicious, in (0, 1) */
    public AccountClassifier(double cut) {
        this.cut = cut;
    }

    /** Profile features that must agree before an account without any count is judged suspicious. */
    static final int CORROBORATION_WITHOUT_COUNTS = 2;

    /** Probability only (no reasons): used for follower samples, where speed matters. */
    public double probability(AccountFeatures f) {
        return sigmoid(logOdds(f, null));
    }

    public Verdict classify(AccountFeatures f) {
        List<String> reasons = new ArrayList<>();
        double p = sigmoid(logOdds(f, reasons));
        boolean suspicious = decide(f, p);
        if (!countsKnown(f)) {
            reasons.add("follower, following and post counts unavailable: judged on profile features only"
                    + (p >= cut && !suspicious ? ", and one weak feature alone is not enough" : ""));
        }
        return new Verdict(p, suspicious, reasons);
    }

    public boolean isSuspicious(AccountFeatures f) {
        return decide(f, probability(f));
    }

    private boolean decide(AccountFeatures f, double p) {
        if (p < cut) {
            return false;
        }
        return countsKnown(f) || f.bot() || profileFeaturesFired(f) >= CORROBORATION_WITHOUT_COUNTS;
    }

    /** Whether any count rule could run (followers or posts known). */
    static boolean countsKnown(AccountFeatures f) {
        return f.followers().isPresent() || f.posts().isPresent();
    }

    private static boolean autoNamed(AccountFeatures f) {
        return f.usernameDigits() >= AUTO_NAME_DIGITS;
    }

    private static boolean young(AccountFeatures f) {
        return f.ageDays().isPresent() && f.ageDays().getAsLong() < YOUNG_DAYS;
    }

    private static int profileFeaturesFired(AccountFeatures f) {
        int n = 0;
        n += f.bioEmpty() ? 1 : 0;
        n += f.noAvatar() ? 1 : 0;
        n += autoNamed(f) ? 1 : 0;
        n += young(f) ? 1 : 0;
        return n;
    }

    // Rule weights, computed once from the figures above (they are constants; the logarithms were a large part of
    // classifying a follower sample). Each carries how it reads in the reasons, e.g. ": +1.61".
    private static final Weight FEW_FOLLOWERS_RULE = Weight.rule(0.950, 0.834);
    private static final Weight FOLLOWS_TWICE_RULE = Weight.solved(0.998, 0.556);
    private static final Weight FOLLOWS_FIFTY_TIMES_RULE = Weight.rule(0.162, 0.997);
    private static final Weight FEW_POSTS_RULE = Weight.rule(0.811, 0.909);
    private static final Weight EMPTY_BIO_RULE = Weight.solved(0.315, 0.073);
    private static final Weight NO_AVATAR_PRIOR = Weight.prior(0.5);
    private static final Weight AUTO_NAMED_PRIOR = Weight.prior(0.7);
    private static final Weight YOUNG_PRIOR = Weight.prior(0.7);
    private static final Weight BOT_PRIOR = Weight.prior(10.0);

    /** Sum of the weights, in a fixed order; each firing rule is named in {@code reasons} unless it is null. */
    private static double logOdds(AccountFeatures f, List<String> reasons) {
        double z = 0;
        if (f.followers().isPresent()) {
            long followers = f.followers().getAsLong();
            z += FEW_FOLLOWERS_RULE.add(followers < FEW_FOLLOWERS, reasons, "fewer than " + FEW_FOLLOWERS
                    + " followers (", followers, ")");
            if (f.following().isPresent()) {
                long following = f.following().getAsLong();
                if (followers >= FEW_FOLLOWERS) {
                    boolean fires = following > 2 * followers;
                    z += FOLLOWS_TWICE_RULE.weight(fires);
                    if (fires && reasons != null) {
                        reasons.add("follows more than twice as many accounts as follow it (" + following + " vs "
                                + followers + ")" + FOLLOWS_TWICE_RULE.shown());
                    }
                }
                z += FOLLOWS_FIFTY_TIMES_RULE.add(following >= 50 * Math.max(followers, 1), reasons,
                        "follows at least 50 times as many accounts as follow it");
            }
        }
        if (f.posts().isPresent()) {
            long posts = f.posts().getAsLong();
            z += FEW_POSTS_RULE.add(posts < 50, reasons, "fewer than 50 posts (", posts, ")");
        }
        z += EMPTY_BIO_RULE.add(f.bioEmpty(), reasons, "empty bio");
        z += NO_AVATAR_PRIOR.add(f.noAvatar(), reasons, "default avatar");
        z += AUTO_NAMED_PRIOR.add(autoNamed(f), reasons, "user name with ", f.usernameDigits(), " digits");
        z += YOUNG_PRIOR.add(young(f), reasons, "account younger than " + YOUNG_DAYS + " days");
        z += BOT_PRIOR.add(f.bot(), reasons, "the platform marks it as a bot");
        return z;
    }

    /**
     * One rule's log-likelihood-ratio weights, fired and silent, capped at ±{@link #CAP}, and the fired weight as
     * the reasons show it.
     */
    private record Weight(double fired, double silent, String shown) {

        /** From recall and precision on a balanced set: the false-positive rate is R(1-P)/P. */
        static Weight rule(double recall, double precision) {
            return solved(recall, recall * (1 - precision) / precision);
        }

        /** From recall and false-positive rate. */
        static Weight solved(double recall, double fpr) {
            return of(cap(Math.log(recall / fpr)), cap(Math.log((1 - recall) / (1 - fpr))));
        }

        /** A prior that adds {@code weight} when it fires and nothing otherwise. */
        static Weight prior(double weight) {
            return of(weight, 0);
        }

        private static Weight of(double fired, double silent) {
            return new Weight(fired, silent, ": " + (fired >= 0 ? "+" : "") + Figures.fixed(fired, 2));
        }

        private static double cap(double w) {
            return Math.max(-CAP, Math.min(CAP, w));
        }

        double weight(boolean fires) {
            return fires ? fired : silent;
        }

        /** The weight; when it fires and reasons are wanted, {@code what} with the weight joins them. */
        double add(boolean fires, List<String> reasons, String what) {
            if (fires && reasons != null) {
                reasons.add(what + shown);
            }
            return weight(fires);
        }

        /** As above, the reason being {@code before + value + after}, built only when it is wanted. */
        double add(boolean fires, List<String> reasons, String before, long value, String after) {
            if (fires && reasons != null) {
                reasons.add(before + value + after + shown);
            }
            return weight(fires);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
