package dev.scout.scorer.internal.engagement;

import dev.scout.model.Account;
import dev.scout.model.Platform;
import dev.scout.model.Post;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.internal.tier.FollowerBand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Engagement rate = median over the analysed original posts (reposts already removed by the caller) of
 * (likes + replies + shares) / followers; on video platforms / views of each video. Graded against the shipped
 * benchmark of the profile's platform and follower band. Pinned posts and giveaways stay in the window (like
 * Modash) but are named in the notes, since they skew the median. Thread-safe.
 */
public final class EngagementAnalyzer {

    private final BenchmarkTable benchmarks;
    private final int window;

    private static final Graded UNGRADED = new Graded(Optional.empty(), "none: follower band unknown");

    /** Each platform × band's benchmark and its description, by ordinals, found once: every profile quotes one. */
    private final Graded[][] graded = new Graded[Platform.values().length][FollowerBand.values().length];
    private final String[] definitionIds = new String[2];
    private final String[] definitions = new String[2];

    public EngagementAnalyzer(BenchmarkTable benchmarks, int window) {
        this.benchmarks = benchmarks;
        this.window = window;
        for (Platform p : Platform.values()) {
            for (FollowerBand b : FollowerBand.values()) {
                Optional<BandBenchmark> found = benchmarks.find(p, b);
                graded[p.ordinal()][b.ordinal()] = found.isEmpty() ? UNGRADED
                        : new Graded(found, found.get().describe() + " (Modash)");
            }
        }
        for (int v = 0; v < 2; v++) {
            boolean byViews = v == 1;
            definitionIds[v] = "median_lrs_" + window + "p." + (byViews ? "views" : "followers");
            definitions[v] = "median over the last " + window + " original posts (reposts excluded; pinned posts and"
                    + " giveaways kept) of (likes + replies + shares) / " + (byViews ? "views of the post" : "followers");
        }
    }

    /** @param giveaways how many of {@code posts} are giveaways (named in the notes) */
    public EngagementResult analyze(Account account, List<Post> posts, Optional<FollowerBand> band, int giveaways) {
        boolean video = account.platform().isVideo();
        long followers = account.followers().orElse(-1);
        int withViews = 0; // read only for videos
        for (int i = 0; video && i < posts.size(); i++) {
            Post p = posts.get(i);
            if (p.views().isPresent() && p.views().getAsLong() > 0) {
                withViews++;
            }
        }
        boolean byViews = video && withViews > 0;
        String definitionId = definitionIds[byViews ? 1 : 0];
        String definition = definitions[byViews ? 1 : 0];

        double[] rates = new double[posts.size()];
        double[] engagements = new double[posts.size()];
        int pinned = 0;
        int replies = 0;
        int likesHidden = 0;
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            pinned += p.pinned() ? 1 : 0;
            likesHidden += p.platformLabels().contains(Post.LABEL_LIKES_HIDDEN) ? 1 : 0;
            replies += p.reply() ? 1 : 0;
            engagements[i] = p.engagements();
            if (byViews) {
                long views = p.views().orElse(0);
                rates[i] = views > 0 ? (double) p.engagements() / views : Double.NaN;
            } else {
                rates[i] = followers > 0 ? (double) p.engagements() / followers : Double.NaN;
            }
        }
        List<String> notes = notes(posts.size(), giveaways, video, withViews, followers, pinned, replies);
        // Instagram omits like_count when the owner hides likes: those posts count comments only (understated).
        Optional<String> likesHiddenNote = likesHidden == 0 ? Optional.empty()
                : Optional.of(likesHidden + " of " + posts.size() + " posts hide their like count: engagement counts"
                        + " their comments only (understated)");
        likesHiddenNote.ifPresent(notes::add);
        OptionalDouble rate;
        OptionalDouble medianEngagements;
        double[] medians = new double[2];
        if (!byViews && followers > 0) { // every rate is engagements / followers: one selection finds both medians
            boolean any = Medians.medianAndQuotientMedian(engagements, followers, medians);
            medianEngagements = any ? OptionalDouble.of(medians[0]) : OptionalDouble.empty();
            rate = any ? OptionalDouble.of(medians[1]) : OptionalDouble.empty();
        } else {
            rate = Medians.median(rates);
            medianEngagements = Medians.median(engagements);
        }
        Graded g = band.isPresent() ? graded[account.platform().ordinal()][band.get().ordinal()] : UNGRADED;
        Optional<BandBenchmark> benchmark = g.benchmark();
        if (band.isPresent() && band.get() == FollowerBand.BELOW_1K) {
            notes.add("no published benchmark below 1,000 followers: graded against the 1k-5k band");
        }
        String grade = "unknown";
        OptionalDouble percentile = OptionalDouble.empty();
        if (rate.isPresent() && benchmark.isPresent()) {
            grade = benchmark.get().grade(rate.getAsDouble());
            percentile = OptionalDouble.of(benchmark.get().percentile(rate.getAsDouble()));
        }
        var engagement = new ScoredProfile.Engagement(rate, definitionId, definition, grade, percentile,
                g.text(), notes);
        return new EngagementResult(engagement, rates, medianEngagements, benchmark, likesHiddenNote);
    }

    /** A benchmark, empty when none applies, and how the result quotes it. */
    private record Graded(Optional<BandBenchmark> benchmark, String text) {
    }

    private static List<String> notes(int posts, int giveaways, boolean video, int withViews, long followers,
                                      int pinned, int replies) {
        List<String> notes = new ArrayList<>();
        if (posts == 0) {
            notes.add("no original posts: engagement unknown");
        }
        if (followers < 0 && !(video && withViews > 0)) {
            notes.add("follower count hidden: engagement unknown");
        } else if (followers == 0 && !video) {
            notes.add("0 followers: engagement rate undefined");
        }
        if (video && withViews < posts && posts > 0) {
            notes.add(withViews == 0 ? "no view counts: rate falls back to followers"
                    : (posts - withViews) + (posts - withViews == 1 ? " video" : " videos")
                            + " without view counts skipped");
        }
        if (pinned > 0) {
            notes.add(pinned + " pinned post" + (pinned == 1 ? "" : "s") + " included");
        }
        if (giveaways > 0) {
            notes.add(giveaways + " giveaway post" + (giveaways == 1 ? "" : "s") + " included (they inflate engagement)");
        }
        if (replies > 0) {
            notes.add(replies + (replies == 1 ? " reply" : " replies") + " to other accounts included");
        }
        return notes;
    }
}
