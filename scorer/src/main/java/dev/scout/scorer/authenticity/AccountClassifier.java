package dev.scout.scorer.authenticity;

import dev.scout.scorer.internal.text.Figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Suspicious account" (bought, fake or bot-like) classifier over profile-level features: a logistic model
 * ({@link ClassifierModels#SHIPPED}: Instagram's and X's own, a pooled one for other platforms) fitted on public
 * labelled sets of real and fake accounts (docs/DATASETS.md),
 * over log followers, log following, log posts, how far following outruns followers, no posts, empty bio, default
 * avatar, the share of digits in the user name and whether the two-rule baseline fires ({@link TwoRuleBaseline}).
 * Every verdict lists the features that moved it, each with its signed contribution to the log-odds, largest
 * first, so a scout can see why.
 *
 * <p>Unknown features (a Bluesky follower-list entry carries no counts; an export may leave the post count out)
 * count as the training mean: they add nothing, so missing data is never evidence. Those remaining profile features
 * are weak, so when no count is known an account is suspicious only when the probability reaches the cut <em>and</em>
 * at least two independent profile features point the same way (or the platform marks it a bot). An account the
 * platform marks as a bot gets +10: the platform's own declaration is decisive, not a likelihood ratio.
 *
 * <p>Immutable and thread-safe.
 */
public final class AccountClassifier {

    /** The classifier's verdict: probability of "suspicious", the verdict, and each feature that moved it. */
    public record Verdict(double probability, boolean suspicious, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /** Contributions smaller than this (in log-odds) are left out of the reasons: they did not drive the verdict. */
    static final double SHOWN = 0.25;
    private static final double BOT = 10.0;
    private static final int AUTO_NAME_DIGITS = 4;
    private static final long YOUNG_DAYS = 30;

    /** Profile features that must agree before an account without any count is judged suspicious. */
    static final int CORROBORATION_WITHOUT_COUNTS = 2;

    private final double cut;
    private final ClassifierModels models;

    /** @param cut probability at or above which an account is suspicious, in (0, 1); uses the shipped models */
    public AccountClassifier(double cut) {
        this(cut, ClassifierModels.SHIPPED);
    }

    /** @param model one fitted model for every platform (one being cross-validated, tests) */
    public AccountClassifier(double cut, ClassifierModel model) {
        this(cut, ClassifierModels.single(model));
    }

    /** @param models the fitted models (the shipped ones, or ones being cross-validated) */
    public AccountClassifier(double cut, ClassifierModels models) {
        this.cut = cut;
        this.models = models;
    }

    /** Probability only (no reasons): used for follower samples, where speed matters. */
    public double probability(AccountFeatures f) {
        return sigmoid(logOdds(f));
    }

    public Verdict classify(AccountFeatures f) {
        double[] x = ClassifierModel.inputs(f);
        ClassifierModel model = models.forAccount(f);
        double[] contribution = new double[x.length];
        for (ClassifierModel.Feature feature : ClassifierModel.Feature.values()) {
            contribution[feature.ordinal()] = model.contribution(feature.ordinal(), x[feature.ordinal()]);
        }
        // The post count enters the model twice, as its log and as "none at all", and the two weights can have
        // opposite signs (Instagram's: -0.67 and -0.41), which read as "0 posts: +2.2, no posts: -0.35". A reader
        // asks what the count did, so it is one reason carrying the sum.
        int logPosts = ClassifierModel.Feature.LOG_POSTS.ordinal();
        int noPosts = ClassifierModel.Feature.NO_POSTS.ordinal();
        contribution[logPosts] += contribution[noPosts];
        contribution[noPosts] = 0;
        List<Contribution> moved = new ArrayList<>();
        for (ClassifierModel.Feature feature : ClassifierModel.Feature.values()) {
            double c = contribution[feature.ordinal()];
            if (Math.abs(c) >= SHOWN) {
                moved.add(new Contribution(feature, c));
            }
        }
        moved.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value())));
        List<String> reasons = new ArrayList<>();
        for (Contribution c : moved) {
            reasons.add(describe(c.feature(), f) + ": " + signed(c.value()));
        }
        if (f.bot()) {
            reasons.add("the platform marks it as a bot: " + signed(BOT));
        }
        double p = sigmoid(logOdds(model, x, f));
        boolean suspicious = decide(f, p);
        if (!countsKnown(f)) {
            reasons.add("follower, following and post counts unavailable: judged on profile features only"
                    + (p >= cut && !suspicious ? ", and one weak feature alone is not enough" : ""));
        }
        return new Verdict(p, suspicious, reasons);
    }

    /**
     * The probability as evidence about a sample ({@link AudienceQuality}): {@link #probability}, except that an
     * account without any count whose profile features do not corroborate each other is held at 0.5, no evidence
     * either way, for the same reason {@link #isSuspicious} does not call it suspicious.
     */
    public double evidence(AccountFeatures f) {
        double p = probability(f);
        boolean uncorroborated = !countsKnown(f) && !f.bot() && profileFeaturesFired(f) < CORROBORATION_WITHOUT_COUNTS;
        return uncorroborated ? Math.min(p, 0.5) : p;
    }

    public boolean isSuspicious(AccountFeatures f) {
        return decide(f, probability(f));
    }

    private double logOdds(AccountFeatures f) {
        return logOdds(models.forAccount(f), ClassifierModel.inputs(f), f);
    }

    /** The model's log-odds for inputs {@code x} already read from {@code f}, plus the platform's bot label. */
    private static double logOdds(ClassifierModel model, double[] x, AccountFeatures f) {
        return model.logOdds(x) + (f.bot() ? BOT : 0);
    }

    private boolean decide(AccountFeatures f, double p) {
        if (p < cut) {
            return false;
        }
        return countsKnown(f) || f.bot() || profileFeaturesFired(f) >= CORROBORATION_WITHOUT_COUNTS;
    }

    /** Whether any count is known (followers or posts). */
    static boolean countsKnown(AccountFeatures f) {
        return f.followers().isPresent() || f.posts().isPresent();
    }

    private static int profileFeaturesFired(AccountFeatures f) {
        int n = 0;
        n += f.bioEmpty() ? 1 : 0;
        n += f.noAvatar() ? 1 : 0;
        n += f.usernameDigits() >= AUTO_NAME_DIGITS ? 1 : 0;
        n += f.ageDays().isPresent() && f.ageDays().getAsLong() < YOUNG_DAYS ? 1 : 0;
        return n;
    }

    private record Contribution(ClassifierModel.Feature feature, double value) {
    }

    /** How a feature reads in the reasons, with the account's value. */
    private static String describe(ClassifierModel.Feature feature, AccountFeatures f) {
        return switch (feature) {
            case LOG_FOLLOWERS -> f.followers().getAsLong() + " followers";
            case LOG_FOLLOWING -> "follows " + f.following().getAsLong() + " accounts";
            case LOG_POSTS, NO_POSTS -> f.posts().getAsLong() + " posts";
            case EMPTY_BIO -> f.bioEmpty() ? "empty bio" : "has a bio";
            case DEFAULT_AVATAR -> f.noAvatar() ? "default avatar" : "own avatar";
            case DIGIT_SHARE -> "user name " + Math.round(100 * f.digitShare().orElse(0)) + "% digits ("
                    + f.usernameDigits() + " of " + f.usernameLength() + ")";
            case EXCESS_FOLLOWING -> {
                long followers = f.followers().getAsLong();
                long following = f.following().getAsLong();
                yield following > followers
                        ? "follows " + Figures.fixed((following + 1.0) / (followers + 1.0), 1) + " times as many"
                        + " accounts as follow it (" + following + " vs " + followers + ")"
                        : "follows no more accounts than follow it (" + following + " vs " + followers + ")";
            }
            case BASELINE_RULE -> TwoRuleBaseline.ratioFires(f)
                    ? "two-rule baseline: follows over " + TwoRuleBaseline.RATIO
                    + " times as many accounts as follow it"
                    : TwoRuleBaseline.noPostsNoBio(f) ? "two-rule baseline: no posts and no bio"
                    : "two-rule baseline does not fire";
        };
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Figures.fixed(v, 2);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
