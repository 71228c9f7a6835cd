package dev.scout.store;

import dev.scout.crawler.engine.Frontier.Discovered;
import dev.scout.model.Account;
import dev.scout.model.Post;
import dev.scout.model.ProfileRef;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/** Builders of realistic (and hostile) test data. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    /** Profile text as hostile as real bios: HTML, a spreadsheet formula, an RTL mark, emoji. */
    static final String HOSTILE = "<b>vegan</b> =HYPERLINK(\"http://evil.example\") \u202Eevil\u202C 🌱 tofu";

    private Fixtures() {
    }

    static ProfileRef ref(int i) {
        return ProfileRef.mastodon("cook" + i, "fika.example");
    }

    static List<Discovered> discovered(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> new Discovered(ref(i), i % 3, "seed")).toList();
    }

    static ProfileSnapshot snapshot(ProfileRef ref, long followers, Instant crawledAt, int posts) {
        Account account = Account.builder(ref).handle(ref.value()).displayName("Cook " + ref.value())
                .bio(HOSTILE).profileUrl("https://fika.example/@" + ref.mastodonUser())
                .website("https://cook.example").followers(followers).following(321).postsCount(1000)
                .createdAt(Instant.parse("2020-01-01T00:00:00Z")).labels(List.of("discoverable")).build();
        List<Post> list = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            list.add(Post.builder(ref.value() + "-p" + i, crawledAt.minus(Duration.ofDays(i + 1)))
                    .url("https://fika.example/@x/" + i).text(HOSTILE + " post " + i)
                    .hashtags(List.of("vegan", "tofu")).links(List.of("https://shop.example/?ref=" + i))
                    .likes(10 + i).replies(2).shares(1).repost(i % 7 == 6).build());
        }
        return new ProfileSnapshot(account, list, crawledAt);
    }

    static ScoredProfile verdict(ProfileRef ref, double score, boolean flagged) {
        Account account = Account.builder(ref).bio(HOSTILE).followers(4200).build();
        return new ScoredProfile(account, T0, 12,
                new ScoredProfile.Tier("nano", "1k-5k"),
                new ScoredProfile.Engagement(OptionalDouble.of(0.05), "median_lrs_40p.followers", "median of ...",
                        "above-average", OptionalDouble.of(80), "instagram-proxy 1k-5k", List.of("pinned post")),
                new ScoredProfile.Niche(0.6, "plant-based cooking",
                        List.of(new ScoredProfile.NicheMatch("plant-based cooking", 0.6, List.of("tofu"))),
                        List.of("bio: tofu")),
                new ScoredProfile.Sponsorship(0.1, List.of("oatly.example"), 0.0, OptionalDouble.empty(),
                        OptionalDouble.of(0.05), List.of(new ScoredProfile.SponsoredPost("p1", "https://x.example/1",
                        "clear", List.of("oatly.example"), List.of("#ad"))), 1, 0, 0),
                new ScoredProfile.Authenticity(false, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), 0,
                        List.of(new ScoredProfile.Signal("ratio", "13", false, "ok"))),
                new ScoredProfile.Cost(OptionalDouble.of(120), OptionalDouble.empty(), "tier-rate"),
                Optional.of("cook@fika.example"), score,
                List.of(new ScoredProfile.ScoreComponent("engagement", 0.4, 0.8, "good")), flagged,
                List.of(new ScoredProfile.Gate("followers", true, "4,200 within 1,000–100,000")), "v1");
    }

    /** A verdict with the facts the list filters on. */
    static ScoredProfile candidate(ProfileRef ref, double score, boolean flagged, String tier, String grade,
                                   boolean suspicious, long followers) {
        ScoredProfile v = verdict(ref, score, flagged);
        Account a = Account.builder(ref).handle(ref.value()).displayName("Cook " + ref.value()).followers(followers).build();
        return new ScoredProfile(a, v.crawledAt(), v.postsAnalyzed(), new ScoredProfile.Tier(tier, "band"),
                new ScoredProfile.Engagement(OptionalDouble.of(score / 1000), "d", "d", grade, OptionalDouble.empty(),
                        "b", List.of()),
                v.niche(), v.sponsorship(),
                new ScoredProfile.Authenticity(suspicious, List.of(), OptionalDouble.empty(), OptionalDouble.empty(), 0, List.of()),
                v.cost(), v.contactEmail(), score, v.components(), flagged, v.gates(), v.scoreVersion());
    }

}
