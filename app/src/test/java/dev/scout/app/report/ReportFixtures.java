package dev.scout.app.report;

import dev.scout.app.export.ScoredProfileFixtures;
import dev.scout.scorer.ScoredProfile;
import dev.scout.scorer.ScoredProfile.SponsoredPost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** A small run for report tests: 12 profiles, 4 flagged, 2 that cannot be plotted, one with a hostile bio. */
final class ReportFixtures {

    static final String SCRIPT_BIO = "<script>window.__pwned=1;document.title='PWNED'</script>";
    static final String IMG_NAME = "<img src=x onerror=\"document.title='PWNED'\">";
    static final int PROFILES = 12;
    static final int FLAGGED = 4;
    static final int PLOTTABLE = 10;
    static final int PLOTTABLE_FLAGGED = 4;

    static final RunSummary SUMMARY = new RunSummary("run-<b>demo</b>", Instant.parse("2026-11-20T10:00:00Z"),
            Duration.ofSeconds(192), 12, FLAGGED, 3_412, 7, OptionalDouble.of(0.8), OptionalDouble.of(0.6667),
            List.of("niche: plant-based cooking", "seeds: <i>3</i> hashtags"));

    private ReportFixtures() {
    }

    static List<ScoredProfile> profiles() {
        List<ScoredProfile> out = new ArrayList<>();
        out.add(ScoredProfileFixtures.mastodon("hostile", "evil.example")
                .displayName(IMG_NAME)
                .bio(SCRIPT_BIO + " and \u202Ereversed\u202C text")
                .profileUrl("javascript:document.title='PWNED'")
                .website("https://ok.example/a?b=1&c='x'")
                .sponsoredPosts(List.of(new SponsoredPost("1", "javascript:document.title='PWNED'", "none",
                        List.of("<b>brand</b>"), List.of("use code <svg onload=alert(1)>"))))
                .followers(8_300L).rate(0.061).score(91.2).flagged(true).build());
        long[] followers = {1_200, 4_800, 15_000, 42_000, 97_000, 150_000, 650, 23_000, 3_100};
        double[] rates = {0.081, 0.052, 0.029, 0.013, 0.009, 0.004, 0.12, 0.2, 0.018};
        double[] scores = {88.0, 79.4, 74.1, 61.0, 55.5, 30.2, 20.0, 45.0, 12.3};
        for (int i = 0; i < followers.length; i++) {
            out.add(ScoredProfileFixtures.mastodon("cook" + i, "food.example")
                    .displayName("Cook " + i)
                    .followers(followers[i]).rate(rates[i]).score(scores[i]).flagged(i < 3).build());
        }
        out.add(ScoredProfileFixtures.mastodon("hidden", "food.example").followers(null).score(40).flagged(false).build());
        out.add(ScoredProfileFixtures.mastodon("silent", "food.example").rate(OptionalDouble.empty()).score(5)
                .flagged(false).build());
        return out;
    }
}
