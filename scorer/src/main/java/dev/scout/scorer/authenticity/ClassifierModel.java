package dev.scout.scorer.authenticity;

import java.util.Arrays;

/**
 * A logistic model over the profile features every platform and {@code scout score --input} provide: the log-odds
 * of "suspicious" are {@code intercept + Σ weight[i] × (x[i] − mean[i])} over the features that are known. Features
 * are centred on their training means, so an unknown feature (a follower-list entry without counts, a profile
 * without a post count) contributes nothing: missing data is never evidence either way.
 *
 * @param intercept log-odds of an account whose every feature is at its training mean
 * @param weights   one weight per {@link Feature}, in declaration order
 * @param means     the training mean of each feature
 * @param source    which data and how the model was fitted, for {@code scout bench classifier} and the docs
 */
public record ClassifierModel(double intercept, double[] weights, double[] means, String source) {

    /** The model's inputs, each computed from {@link AccountFeatures}; NaN when unknown. */
    public enum Feature {
        /** ln(1 + followers). */
        LOG_FOLLOWERS,
        /** ln(1 + accounts followed). */
        LOG_FOLLOWING,
        /** ln(1 + posts). */
        LOG_POSTS,
        /** 1 when the bio is empty. */
        EMPTY_BIO,
        /** 1 when the platform's default avatar is shown. */
        DEFAULT_AVATAR,
        /** Digits ÷ characters of the user name. */
        DIGIT_SHARE,
        /** max(0, ln(1 + following) − ln(1 + followers)): how far following outruns followers, on a log scale. */
        EXCESS_FOLLOWING,
        /** 1 when the account has no posts at all. */
        NO_POSTS,
        /** 1 when the two-rule baseline fires ({@link TwoRuleBaseline}): following over 10× followers, or no posts
         *  and no bio. */
        BASELINE_RULE
    }

    public static final int SIZE = Feature.values().length;

    /**
     * The shipped pooled model, for platforms without a labelled set of their own (Mastodon, Bluesky, YouTube, web,
     * TikTok, Threads, Twitch). Fitted with {@code scout bench classifier --data DIR --fit} on the training parts of
     * three public labelled sets converted by {@code scripts/datasets/convert.py} (docs/DATASETS.md): the Kaggle
     * "Instagram fake spammer genuine accounts" train.csv (576 accounts, half fake), 694 of SRF Data's 975
     * hand-labelled followers of Swiss Instagram influencers (70 fake; the set publishes no bio, so its bios are
     * unknown) and 684 accounts of the TwiBot-22 1,000-user sample (X, 102 bots); the other parts are held out.
     * L2-penalised (λ = 1) logistic regression by Newton's method; each set has equal total weight and, within a
     * set, fake and genuine accounts have equal weight, so the prior is even and the cut of 0.5 means "more likely
     * fake than not". Reserved sets (InstaFake, Cresci-2015 and anything derived from them) were not used. Figures:
     * BENCHMARKS.md, "Account classifier". {@link ClassifierModels#SHIPPED} holds it with the per-platform ones.
     */
    public static final ClassifierModel SHIPPED = new ClassifierModel(
            -0.253,
            new double[]{0.017, -0.007, -0.136, 0.635, 1.877, 2.736, 0.464, 0.248, 0.509},
            new double[]{5.893, 6.013, 4.317, 0.349, 0.106, 0.092, 0.879, 0.134, 0.193},
            "logistic regression, λ=1, fitted on instagram-kaggle train (576) + instagram-srf train (694)"
                    + " + twibot22-sample train (684), 2026-12-05");

    /** As {@link #SHIPPED}, fitted on the Instagram sets' training parts only (Kaggle 576 + SRF 694). */
    public static final ClassifierModel SHIPPED_INSTAGRAM = new ClassifierModel(
            -0.633,
            new double[]{-0.151, 0.451, -0.670, 1.223, 2.581, 4.541, 0.307, -0.414, 1.183},
            new double[]{5.587, 5.897, 3.247, 0.566, 0.142, 0.103, 0.839, 0.163, 0.195},
            "logistic regression, λ=1, fitted on instagram-kaggle train (576) + instagram-srf train (694), 2026-12-05");

    /**
     * As {@link #SHIPPED}, fitted on the X set's training part only (TwiBot-22 sample, 684), without
     * {@link Feature#BASELINE_RULE} (weight and mean 0): on X the rule lowered the cross-validated MCC and took a
     * negative weight.
     */
    public static final ClassifierModel SHIPPED_X = new ClassifierModel(
            -0.278,
            new double[]{-0.064, -0.085, -0.111, 0.966, 0.540, 0.522, 0.041, -0.586, 0.000},
            new double[]{6.460, 6.229, 6.305, 0.167, 0.039, 0.071, 0.954, 0.079, 0.000},
            "logistic regression, λ=1, fitted on twibot22-sample train (684), 2026-12-05");

    public ClassifierModel {
        if (weights.length != SIZE || means.length != SIZE) {
            throw new IllegalArgumentException("a classifier model needs " + SIZE + " weights and means (got "
                    + weights.length + " and " + means.length + ")");
        }
        weights = weights.clone();
        means = means.clone();
    }

    /** The features of {@code f} in {@link Feature} order; NaN marks an unknown one. */
    public static double[] inputs(AccountFeatures f) {
        double[] x = new double[SIZE];
        Arrays.fill(x, Double.NaN);
        double followers = f.followers().isPresent() ? Math.log1p(f.followers().getAsLong()) : Double.NaN;
        double following = f.following().isPresent() ? Math.log1p(f.following().getAsLong()) : Double.NaN;
        x[Feature.LOG_FOLLOWERS.ordinal()] = followers;
        x[Feature.LOG_FOLLOWING.ordinal()] = following;
        x[Feature.EXCESS_FOLLOWING.ordinal()] = Math.max(0, following - followers); // NaN if either is unknown
        if (f.posts().isPresent()) {
            x[Feature.LOG_POSTS.ordinal()] = Math.log1p(f.posts().getAsLong());
            x[Feature.NO_POSTS.ordinal()] = f.posts().getAsLong() == 0 ? 1 : 0;
        }
        x[Feature.EMPTY_BIO.ordinal()] = f.bioUnknown() ? Double.NaN : f.bioEmpty() ? 1 : 0;
        x[Feature.DEFAULT_AVATAR.ordinal()] = f.noAvatar() ? 1 : 0;
        x[Feature.DIGIT_SHARE.ordinal()] = f.digitShare().orElse(Double.NaN);
        x[Feature.BASELINE_RULE.ordinal()] = TwoRuleBaseline.indicator(f).orElse(Double.NaN);
        return x;
    }

    /** The contribution of feature {@code i} at value {@code x} to the log-odds; 0 when unknown. */
    public double contribution(int i, double x) {
        return Double.isNaN(x) ? 0 : weights[i] * (x - means[i]);
    }

    /** Log-odds of "suspicious" for the given inputs. */
    public double logOdds(double[] x) {
        double z = intercept;
        for (int i = 0; i < SIZE; i++) {
            z += contribution(i, x[i]);
        }
        return z;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }
}
