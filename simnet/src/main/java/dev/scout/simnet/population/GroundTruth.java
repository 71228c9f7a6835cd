package dev.scout.simnet.population;

import java.util.List;

/**
 * What a perfect scout picks for a niche, decided from the latent truth (COMMON brief): an eligible creator (not a
 * bot, not opted out, locked, moved or suspended) with 1,000–100,000 followers, the niche as primary niche, a latent
 * median engagement rate at or above its band's average range, at most 20% partnership posts with at most 3 brands,
 * and no faked numbers (bought followers, engagement pod, bot-like behaviour).
 */
public final class GroundTruth {

    public static final long MIN_FOLLOWERS = 1_000;
    public static final long MAX_FOLLOWERS = 100_000;
    public static final double MAX_SPONSORED_SHARE = 0.20;
    public static final int MAX_BRANDS = 3;

    private GroundTruth() {
    }

    /** The accounts a perfect scout picks for {@code niche}, in population order. */
    public static List<SimAccount> picks(Population population, Niche niche) {
        return population.accounts().stream().filter(a -> isPick(a, niche)).toList();
    }

    /** True when {@code account} belongs in the ground truth for {@code niche}. */
    public static boolean isPick(SimAccount account, Niche niche) {
        Latent l = account.latent();
        return account.kind() == AccountKind.CREATOR
                && !account.flags().bot()
                && !account.flags().optedOutOrGone()
                && account.followers() >= MIN_FOLLOWERS && account.followers() <= MAX_FOLLOWERS
                && l.primaryNiche().filter(niche::equals).isPresent()
                && EngagementBands.aboveBand(account.followers(), l.engagementRate())
                && l.sponsoredRate() <= MAX_SPONSORED_SHARE
                && l.brands().size() <= MAX_BRANDS
                && !l.isFake();
    }
}
