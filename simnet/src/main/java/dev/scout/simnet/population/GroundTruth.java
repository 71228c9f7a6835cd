package dev.scout.simnet.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a perfect scout picks for a niche, decided from the latent truth that the API never shows. The definition is
 * the simulator's own, written here from the team brief (what a brand asks for) and never read from the scorer or
 * its configuration: an eligible creator (not a bot, not opted out, locked, moved or suspended) with 1,000–100,000
 * real-world followers, the niche as its primary niche, a latent median engagement rate at or above the top of its
 * follower band's average range ({@link EngagementBands}), a latent partnership share of at most 20% with at most
 * 3 brands, and no faked numbers (bought followers, engagement pod, bot-like behaviour).
 *
 * <p>The scorer sees only what the platforms serve: the last 40 posts (a sample of the latent rates), disclosures
 * as written (some ambiguous), profile counts and a follower sample. The population puts a share of accounts near
 * every one of these lines, so a scorer that reads the served data well still misses some; the demo reports those
 * misses with the reasons below.
 */
public final class GroundTruth {

    public static final long MIN_FOLLOWERS = 1_000;
    public static final long MAX_FOLLOWERS = 100_000;
    public static final double MAX_SPONSORED_SHARE = 0.20;
    public static final int MAX_BRANDS = 3;

    /**
     * The truth about one account.
     *
     * @param pick    whether a perfect scout picks it
     * @param reasons every criterion it fails (empty for a pick), and for a pick the latent facts nearest a line
     */
    public record Verdict(boolean pick, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private GroundTruth() {
    }

    /** The accounts a perfect scout picks for {@code niche}, in population order. */
    public static List<SimAccount> picks(Population population, Niche niche) {
        return population.accounts().stream().filter(a -> isPick(a, niche)).toList();
    }

    /** True when {@code account} belongs in the ground truth for {@code niche}. */
    public static boolean isPick(SimAccount account, Niche niche) {
        return judge(account, niche).pick();
    }

    /** The verdict with the latent facts behind it, in words. */
    public static Verdict judge(SimAccount account, Niche niche) {
        Latent l = account.latent();
        List<String> fails = new ArrayList<>();
        if (account.kind() != AccountKind.CREATOR) {
            fails.add("not a niche creator (" + account.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
        }
        if (account.flags().bot()) {
            fails.add("marked as a bot by the platform");
        }
        if (account.flags().optedOutOrGone()) {
            fails.add("opted out of indexing, locked, moved or suspended");
        }
        long followers = account.followers();
        if (followers < MIN_FOLLOWERS || followers > MAX_FOLLOWERS) {
            fails.add(String.format(Locale.ROOT, "%,d followers, outside %,d–%,d", followers, MIN_FOLLOWERS, MAX_FOLLOWERS));
        }
        if (account.kind() == AccountKind.CREATOR && l.primaryNiche().filter(niche::equals).isEmpty()) {
            fails.add("primary niche is " + l.primaryNiche().map(Niche::label).orElse("none") + ", not " + niche.label());
        }
        double cut = EngagementBands.bandOf(followers).averageHigh();
        String engagement = String.format(Locale.ROOT, "latent engagement %.2f%% vs the band's line %.2f%%",
                100 * l.engagementRate(), 100 * cut);
        if (!EngagementBands.aboveBand(followers, l.engagementRate())) {
            fails.add(engagement + " (below)");
        }
        String sponsored = String.format(Locale.ROOT, "latent partnership share %.1f%% (at most %.0f%%)",
                100 * l.sponsoredRate(), 100 * MAX_SPONSORED_SHARE);
        if (l.sponsoredRate() > MAX_SPONSORED_SHARE) {
            fails.add(sponsored);
        }
        if (l.brands().size() > MAX_BRANDS) {
            fails.add(l.brands().size() + " partner brands (at most " + MAX_BRANDS + ")");
        }
        if (l.isFake()) {
            fails.add("games its numbers: " + l.fakeKind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + (l.fakeKind() == FakeKind.BOUGHT_FOLLOWERS
                    ? String.format(Locale.ROOT, " (%.0f%% of followers bought)", 100 * l.boughtFollowerShare()) : ""));
        }
        if (!fails.isEmpty()) {
            return new Verdict(false, fails);
        }
        return new Verdict(true, List.of(String.format(Locale.ROOT, "%,d followers", followers), engagement, sponsored));
    }
}
