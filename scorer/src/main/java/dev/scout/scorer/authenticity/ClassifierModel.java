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
        NO_POSTS
    }

    public static final int SIZE = Feature.values().length;

    /**
     * The shipped model. Fitted with {@code scout bench classifier --data DIR --fit} on the training parts of two
     * public labelled sets converted by {@code scripts/datasets/convert.py} (docs/DATASETS.md): the Kaggle
     * "Instagram fake spammer genuine accounts" train.csv (576 accounts, half fake) and 684 accounts of the TwiBot-22
     * 1,000-user sample (Twitter, 102 bots; the other 316 held out). L2-penalised (λ = 1) logistic regression by
     * Newton's method; each set has equal total weight and, within a set, fake and genuine accounts have equal
     * weight, so the prior is even and the cut of 0.5 means "more likely fake than not". Reserved sets (InstaFake,
     * Cresci-2015 and anything derived from them) were not used. Figures: BENCHMARKS.md, "Account classifier".
     */
    public static final ClassifierModel SHIPPED = new ClassifierModel(
            -0.031,
            new double[]{-0.124, -0.235, 0.083, 0.747, 2.052, 2.372, 0.368, 0.460},
            new double[]{5.880, 5.725, 4.595, 0.349, 0.158, 0.113, 0.811, 0.167},
            "logistic regression, λ=1, fitted on instagram-kaggle train (576) + twibot22-sample train (684),"
                    + " 2026-12-04");

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
        x[Feature.EMPTY_BIO.ordinal()] = f.bioEmpty() ? 1 : 0;
        x[Feature.DEFAULT_AVATAR.ordinal()] = f.noAvatar() ? 1 : 0;
        x[Feature.DIGIT_SHARE.ordinal()] = f.digitShare().orElse(Double.NaN);
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
