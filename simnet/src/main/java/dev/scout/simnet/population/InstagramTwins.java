package dev.scout.simnet.population;

import dev.scout.model.Platform;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Gives about a third of the creators an Instagram account, as many micro-influencers have: a professional
 * (business/creator) account with its own follower count and engagement, readable through the simulated Business
 * Discovery API; one in six of these accounts is personal instead (marked {@code locked}: Business Discovery
 * cannot read it, and a perfect scout cannot pick it). Added after every other account and drawn from a random
 * stream of its own, so enabling Instagram changes nothing about the other platforms' accounts. Not thread-safe.
 */
final class InstagramTwins {
    static final String DOMAIN = "instagram";
    private static final double SHARE = 0.35;
    private static final double PERSONAL = 1.0 / 6;

    private InstagramTwins() {
    }

    /** Appends the Instagram accounts to {@code drafts}; returns how many persons were used. */
    static void add(List<Draft> drafts, AccountFactory factory, long seed) {
        RandomGenerator rng = new SplittableRandom(seed ^ 0x1A57A6A4D15C0FFEL);
        Set<String> taken = new HashSet<>();
        int end = drafts.size();
        for (int i = 0; i < end; i++) {
            Draft d = drafts.get(i);
            boolean creator = d.kind == AccountKind.CREATOR || d.kind == AccountKind.GENERALIST;
            if (!creator || d.platform == Platform.WEB || d.movedTo.isPresent() || rng.nextDouble() >= SHARE) {
                continue;
            }
            Draft ig = d.copyAs(drafts.size(), Platform.INSTAGRAM);
            ig.username = username(d, taken);
            ig.domain = DOMAIN;
            ig.website = d.website;
            ig.brands.addAll(d.brands);
            // Instagram audiences are larger than the same person's fediverse following.
            ig.followers = EngagementBands.offEdge(Math.max(100, Math.round(d.followers * (0.8 + rng.nextDouble() * 1.6))));
            ig.engagementRate = AccountFactory.engagement(rng, ig.followers);
            if (d.fakeKind != FakeKind.NONE) {
                factory.makeFake(rng, ig, d.fakeKind, d.subtleFake);
            }
            ig.locked = rng.nextDouble() < PERSONAL;
            drafts.add(ig);
        }
    }

    /** Instagram usernames: lower-case letters, digits, '.' and '_', at most 30, unique. */
    private static String username(Draft d, Set<String> taken) {
        String base = d.username.replaceFirst("\\." + PopulationGenerator.BLUESKY_DOMAIN + "$", "")
                .toLowerCase(Locale.ROOT).replace('-', '_').replaceAll("[^a-z0-9._]", "");
        if (base.isEmpty()) {
            base = "creator" + d.index;
        }
        base = base.length() > 26 ? base.substring(0, 26) : base;
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }
}
