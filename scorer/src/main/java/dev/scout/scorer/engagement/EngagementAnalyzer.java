package dev.scout.scorer.engagement;

import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.tier.FollowerBand;

import dev.scout.model.Platform;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
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

    /** Each benchmark's description, built once: every profile's result quotes one. */
    private final Map<BandBenchmark, String> described = new IdentityHashMap<>();
    private final String[] definitionIds = new String[2];
    private final String[] definitions = new String[2];

    public EngagementAnalyzer(BenchmarkTable benchmarks, int window) {
        this.benchmarks = benchmarks;
        this.window = window;
        for (Platform p : Platform.values()) {
            for (FollowerBand b : FollowerBand.values()) {
                benchmarks.find(p, b).ifPresent(bb -> described.put(bb, bb.describe() + " (Modash)"));
            }
        }
        for (int v = 0; v < 2; v++) {
            boolean byViews = v == 1;
            definitionIds[v] = "median_lrs_" + window + "p." + (byViews ? "views" : "followers");
            definitions[v] = "median over the last " + window + " original posts (reposts excluded; pinned posts and"
                    + " giveaways kept) of (likes + replies + shares) / " + (byViews ? "views of the post" : "followers");
        }
    }

    public EngagementResult analyze(Account account, List<Post> posts, Optional<FollowerBand> band,
                                    boolean[] giveaway) {
        boolean video = account.platform().isVideo();
        long followers = account.followers().orElse(-1);
        int withViews = 0;
        for (Post p : posts) {
            if (p.views().isPresent() && p.views().getAsLong() > 0) {
                withViews++;
            }
        }
        boolean byViews = video && withViews > 0;
        String definitionId = definitionIds[byViews ? 1 : 0];
        String definition = definitions[byViews ? 1 : 0];

        double[] rates = new double[posts.size()];
        double[] engagements = new double[posts.size()];
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            engagements[i] = p.engagements();
            if (byViews) {
                long views = p.views().orElse(0);
                rates[i] = views > 0 ? (double) p.engagements() / views : Double.NaN;
            } else {
                rates[i] = followers > 0 ? (double) p.engagements() / followers : Double.NaN;
            }
        }
        List<String> notes = notes(account, posts, giveaway, video, withViews, followers);
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
        Optional<BandBenchmark> benchmark = band.flatMap(b -> benchmarks.find(account.platform(), b));
        if (band.isPresent() && band.get() == FollowerBand.BELOW_1K) {
            notes.add("no published benchmark below 1,000 followers: graded against the 1k-5k band");
        }
        String grade = "unknown";
        OptionalDouble percentile = OptionalDouble.empty();
        if (rate.isPresent() && benchmark.isPresent()) {
            grade = benchmark.get().grade(rate.getAsDouble());
            percentile = OptionalDouble.of(benchmark.get().percentile(rate.getAsDouble()));
        }
        String benchmarkText = benchmark.map(this::describe)
                .orElse("none: follower band unknown");
        var engagement = new ScoredProfile.Engagement(rate, definitionId, definition, grade, percentile,
                benchmarkText, notes);
        return new EngagementResult(engagement, rates, medianEngagements, benchmark);
    }

    /** Read-only after construction, so safe to share between threads. */
    private String describe(BandBenchmark b) {
        String d = described.get(b);
        return d != null ? d : b.describe() + " (Modash)";
    }

    private static List<String> notes(Account account, List<Post> posts, boolean[] giveaway, boolean video,
                                      int withViews, long followers) {
        List<String> notes = new ArrayList<>();
        if (posts.isEmpty()) {
            notes.add("no original posts: engagement unknown");
        }
        if (followers < 0 && !(video && withViews > 0)) {
            notes.add("follower count hidden: engagement unknown");
        } else if (followers == 0 && !video) {
            notes.add("0 followers: engagement rate undefined");
        }
        if (video && withViews < posts.size() && !posts.isEmpty()) {
            notes.add(withViews == 0 ? "no view counts: rate falls back to followers"
                    : (posts.size() - withViews) + (posts.size() - withViews == 1 ? " video" : " videos")
                            + " without view counts skipped");
        }
        long pinned = 0;
        long replies = 0;
        for (Post p : posts) {
            pinned += p.pinned() ? 1 : 0;
            replies += p.reply() ? 1 : 0;
        }
        if (pinned > 0) {
            notes.add(pinned + " pinned post" + (pinned == 1 ? "" : "s") + " included");
        }
        int giveaways = 0;
        for (boolean g : giveaway) {
            giveaways += g ? 1 : 0;
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
