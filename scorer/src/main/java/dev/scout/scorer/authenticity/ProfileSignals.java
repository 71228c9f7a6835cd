package dev.scout.scorer.authenticity;

import dev.scout.model.Post;
import dev.scout.scorer.ScoredProfile.Signal;
import dev.scout.scorer.internal.engagement.BandBenchmark;
import dev.scout.scorer.internal.engagement.Medians;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.scout.scorer.internal.text.Figures;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Authenticity sub-signals read from the profile itself (scoring.md §4.2–4.3, §8), each reported with its value and
 * threshold. Signals from engagement (far above the band, likes ≥ views, comment/like extremes) are reported but
 * do not lower the score: vendors flag them for review rather than reject (scoring.md §8), and a genuinely loved
 * account must not lose points for being loved. Pure and thread-safe.
 */
public final class ProfileSignals {

    /** Posting more than this many original posts a day looks automated. */
    static final double MAX_POSTS_PER_DAY = 30;

    /**
     * The signals, how many of the score-relevant ones raised concern, and whether the engagement looks bought or
     * pod-made: above the band's estimated 99th percentile together with more than one reply per two likes (the
     * "ER far above the cohort with low comment quality" pattern of scoring.md §8).
     */
    public record Result(List<Signal> signals, int scoredConcerns, boolean podPattern) {
        public Result {
            signals = List.copyOf(signals);
        }
    }

    public Result read(AccountFeatures f, List<Post> posts, OptionalDouble rate, Optional<BandBenchmark> benchmark,
                       boolean video) {
        List<Signal> out = new ArrayList<>();
        int scored = 0;
        boolean outlier = false;
        boolean chatty = false;
        if (f.followers().isPresent() && f.following().isPresent()) {
            long followers = f.followers().getAsLong();
            long following = f.following().getAsLong();
            double ratio = (double) following / Math.max(followers, 1);
            boolean concern = following > 2 * followers;
            scored += concern ? 1 : 0;
            out.add(new Signal("following-ratio", Figures.fixed(ratio, 2), concern, concern
                    ? "follows more than twice as many accounts as follow it (Cresci CC19)"
                    : "following/followers ratio at most 2"));
            boolean mass = following > AudienceQuality.MASS_FOLLOWING;
            scored += mass ? 1 : 0;
            out.add(new Signal("mass-following", Long.toString(following), mass, mass
                    ? "follows more than 1,500 accounts (follow/unfollow tools, HypeAuditor)"
                    : "follows at most 1,500 accounts"));
        }
        if (f.ageDays().isPresent() && f.followers().isPresent()) {
            long age = f.ageDays().getAsLong();
            double perDay = (double) f.followers().getAsLong() / Math.max(age, 1);
            boolean concern = age < 90 && f.followers().getAsLong() >= 10_000;
            scored += concern ? 1 : 0;
            out.add(new Signal("age-vs-audience", age + " days, " + Math.round(perDay) + " followers/day",
                    concern, concern ? "10,000+ followers on an account younger than 90 days"
                            : "audience size plausible for the account's age"));
        }
        if (posts.size() >= 2) {
            Duration span = Duration.between(posts.get(posts.size() - 1).createdAt(), posts.get(0).createdAt()).abs();
            double days = Math.max(span.toMinutes() / 1440.0, 1.0 / 24);
            double perDay = (posts.size() - 1) / days;
            boolean concern = perDay > MAX_POSTS_PER_DAY;
            scored += concern ? 1 : 0;
            out.add(new Signal("posting-cadence", Figures.fixed(perDay, 1) + " posts/day", concern,
                    concern ? "more than 30 posts a day looks automated" : "posting cadence at most 30 a day"));
        }
        if (rate.isPresent() && benchmark.isPresent()) {
            boolean concern = rate.getAsDouble() > benchmark.get().p99();
            outlier = concern;
            out.add(new Signal("engagement-outlier", pct(rate.getAsDouble()), concern, concern
                    ? "engagement above the band's estimated 99th percentile " + pct(benchmark.get().p99())
                    + ": check for pods or bought likes (reported, not scored)"
                    : "engagement below the band's estimated 99th percentile " + pct(benchmark.get().p99())));
        }
        if (video) {
            long likesOverViews = 0;
            for (int i = 0; i < posts.size(); i++) {
                Post p = posts.get(i);
                if (p.views().isPresent() && p.views().getAsLong() > 0 && p.likes() >= p.views().getAsLong()) {
                    likesOverViews++;
                }
            }
            out.add(new Signal("likes-vs-views", likesOverViews + " videos with likes >= views", likesOverViews > 0,
                    likesOverViews > 0 ? "likes at or above views is impossible without bought likes (reported)"
                            : "likes below views on every video"));
        }
        double[] ratios = new double[posts.size()];
        int liked = 0;
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            if (p.likes() > 0) {
                ratios[liked++] = (double) p.replies() / p.likes();
            }
        }
        OptionalDouble median = Medians.median(ratios, liked);
        if (median.isPresent()) {
            boolean high = median.getAsDouble() > 0.5;
            chatty = high;
            // The median likes matter only to the "almost no replies" reading, so they are taken only for it.
            boolean low = median.getAsDouble() < 0.001 && medianLikes(posts) >= 100;
            out.add(new Signal("replies-per-like", Figures.fixed(median.getAsDouble(), 3), high || low,
                    high ? "more than one reply per two likes: engagement pods or giveaways (reported)"
                            : low ? "almost no replies on 100+ likes: bought likes (reported)"
                            : "replies per like within 0.001–0.5"));
        }
        return new Result(out, scored, outlier && chatty);
    }

    /** Median likes per post; 0 without posts. */
    private static double medianLikes(List<Post> posts) {
        double[] likes = new double[posts.size()];
        for (int i = 0; i < likes.length; i++) {
            likes[i] = posts.get(i).likes();
        }
        return Medians.median(likes).orElse(0);
    }

    private static String pct(double fraction) {
        return Figures.percent(fraction);
    }
}
