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

    private static double logOdds(AccountFeatures f, List<String> reasons) {
        double z = 0;
        if (f.followers().isPresent()) {
            long followers = f.followers().getAsLong();
            z += rule(followers < FEW_FOLLOWERS, 0.950, 0.834, "fewer than " + FEW_FOLLOWERS + " followers (" + followers + ")", reasons);
            if (f.following().isPresent()) {
                long following = f.following().getAsLong();
                if (followers >= FEW_FOLLOWERS) {
                    z += solvedRule(following > 2 * followers, 0.998, 0.556,
                            "follows more than twice as many accounts as follow it (" + following + " vs "
                                    + followers + ")", reasons);
                }
                z += rule(following >= 50 * Math.max(followers, 1), 0.162, 0.997,
                        "follows at least 50 times as many accounts as follow it", reasons);
            }
        }
        if (f.posts().isPresent()) {
            z += rule(f.posts().getAsLong() < 50, 0.811, 0.909, "fewer than 50 posts (" + f.posts().getAsLong() + ")",
                    reasons);
        }
        z += solvedRule(f.bioEmpty(), 0.315, 0.073, "empty bio", reasons);
        z += prior(f.noAvatar(), 0.5, "default avatar", reasons);
        z += prior(autoNamed(f), 0.7, "user name with " + f.usernameDigits() + " digits", reasons);
        z += prior(young(f), 0.7, "account younger than " + YOUNG_DAYS + " days", reasons);
        z += prior(f.bot(), 10.0, "the platform marks it as a bot", reasons);
        return z;
    }

    /** Weight from recall and precision on a balanced set. */
    private static double rule(boolean fires, double recall, double precision, String what, List<String> reasons) {
        double fpr = recall * (1 - precision) / precision;
        return solvedRule(fires, recall, fpr, what, reasons);
    }

    /** Weight from recall and false-positive rate. */
    private static double solvedRule(boolean fires, double recall, double fpr, String what, List<String> reasons) {
        double w = fires ? Math.log(recall / fpr) : Math.log((1 - recall) / (1 - fpr));
        w = Math.max(-CAP, Math.min(CAP, w));
        if (fires && reasons != null) {
            reasons.add(what + ": " + (w >= 0 ? "+" : "") + Figures.fixed(w, 2));
        }
        return w;
    }

    private static double prior(boolean fires, double weight, String what, List<String> reasons) {
        if (fires && reasons != null) {
            reasons.add(what + ": " + (weight >= 0 ? "+" : "") + Figures.fixed(weight, 2));
        }
        return fires ? weight : 0;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
