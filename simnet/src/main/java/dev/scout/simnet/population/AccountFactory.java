package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws the public profile and latent truth of single accounts: creators, brands, audience and bought followers.
 * Follower counts are log-normal (heavy-tailed), latent engagement falls with size, sponsorship rises with it.
 *
 * <p>A share of accounts is drawn close to every line the ground truth draws ({@link #NEAR_LINE}): engagement just
 * above or below its band's line, a partnership share of 15–25%, follower counts near 1,000 and 100,000, creators
 * with few posts, and fakes that show a single sign. Nothing keeps values away from a line, so a scorer reading the
 * served data (a sample of the latent rates) misses some of them, as it would on a real network.
 */
final class AccountFactory {

    /** Share of creators drawn near each line of the ground truth (engagement, partnership share, followers). */
    static final double NEAR_LINE = 0.10;
    /** Share of creators who are new and have posted little (fewer than 50 posts, half without a bio). */
    static final double FEW_POSTS = 0.05;
    /** Share of fakes that show one sign only (a small bought share, a mild pod, a busy but ordinary-looking bot). */
    static final double SUBTLE_FAKES = 0.5;
    /** Share of the audience that follows and reads but hardly posts: few followers, often no bio, sometimes no avatar. */
    static final double LURKERS = 0.15;
    /** Share of bought followers made to look like people: a name without digits, an avatar, a bio, fewer follows. */
    static final double DISGUISED_FAKES = 0.30;

    // How often real people show the default avatar or no bio, measured on the genuine accounts of the labelled
    // sets in docs/DATASETS.md (2026-12-04; scripts/datasets/real_account_rates.py re-makes the figures): the
    // simulator's real accounts used to lack an avatar 4-10 times as often as real ones (8% of the audience, 40%
    // of lurkers, 3% of creators), which no real data supports. The scorer's cut-offs played no part.
    /** Creators with their own avatar: 0 of 412 TwiBot-22 humans with ≥ 1,000 followers lack one; 2 of 348 genuine Instagram accounts (Kaggle) do. */
    static final double CREATOR_AVATAR = 0.995;
    /** Audience with their own avatar: 3 of 303 TwiBot-22 humans with 30-999 followers show the default one. */
    static final double AUDIENCE_AVATAR = 0.99;
    /** Audience without a bio: 37 of 303 TwiBot-22 humans with 30-999 followers (12%); 26% of genuine Instagram accounts. */
    static final double AUDIENCE_NO_BIO = 0.15;
    /** Lurkers with their own avatar: 16 of 139 TwiBot-22 humans with < 30 followers show the default one (11.5%). */
    static final double LURKER_AVATAR = 0.885;
    /** Lurkers without a bio: 50 of 139 TwiBot-22 humans with < 30 followers (36%). */
    static final double LURKER_NO_BIO = 0.36;

    private static final Map<Niche, List<String>> BRANDS = Map.of(
            Niche.PLANT_BASED_COOKING, List.of("GreenPantry", "TofuTown", "OatCloud"),
            Niche.RUNNING, List.of("StrideLab", "TrailFuel", "PaceWear"),
            Niche.HOME_GARDENING, List.of("SoilSmith", "SeedVault", "LeafyTools"),
            Niche.FILM_PHOTOGRAPHY, List.of("GrainFilm", "DarkroomCo", "LensLoft"),
            Niche.INDIE_GAME_DEV, List.of("PixelForge", "ShaderShop", "BitPack"),
            Niche.SKINCARE, List.of("GlowLeaf", "DermaDew", "SunVeil"),
            Niche.PERSONAL_FINANCE, List.of("PennyWise", "LedgerLane", "CoinNest"),
            Niche.COFFEE, List.of("BeanRoast", "GrindHouse", "KettleCo"));

    private final Names names;
    private final Instant reference;
    private int hostileCreated;

    AccountFactory(Names names, Instant reference) {
        this.names = names;
        this.reference = reference;
    }

    static List<String> brandNames(Niche niche) {
        return BRANDS.get(niche);
    }

    Draft brand(RandomGenerator rng, Niche niche, String name, Platform platform, String domain) {
        Draft d = base(rng, platform, domain, AccountKind.BRAND);
        d.username = names.unique(name.toLowerCase(Locale.ROOT));
        d.displayName = name;
        d.bio = "Official account of " + name + ", made for " + niche.label() + ". Partnerships: partners@"
                + name.toLowerCase(Locale.ROOT) + ".example";
        d.website = java.util.Optional.of("https://" + name.toLowerCase(Locale.ROOT) + ".example");
        d.followers = EngagementBands.offEdge(clamp(logNormal(rng, 60_000, 1.0), 8_000, 3_000_000));
        d.following = 20 + rng.nextInt(300);
        d.mix.add(niche);
        d.engagementRate = EngagementBands.bandOf(d.followers).typical() * 0.3;
        d.postsPerDay = 0.3 + rng.nextDouble();
        return d;
    }

    Draft creator(RandomGenerator rng, Platform platform, String domain, Niche niche, boolean generalist,
                  List<Niche> mix) {
        Draft d = base(rng, platform, domain, generalist ? AccountKind.GENERALIST : AccountKind.CREATOR);
        String first = names.first(rng);
        d.username = names.creator(rng, first, niche);
        d.displayName = Names.capitalise(first) + " " + Names.capitalise(names.last(rng))
                + (rng.nextDouble() < 0.3 ? " 🌱" : "");
        d.mix.addAll(mix);
        if (!generalist) {
            d.primaryNiche = java.util.Optional.of(niche);
            d.nicheShare = 0.55 + rng.nextDouble() * 0.35;
        }
        d.bio = bio(rng, generalist ? "a bit of everything: " + mixLabel(mix) : niche.label(), first);
        // A log-normal body with a few celebrity accounts on top: a heavy tail from ~100 to several million; a
        // share sits near the 1,000 and 100,000 lines of the follower window.
        double where = rng.nextDouble();
        long drawn = where < NEAR_LINE / 2 ? Math.round(1_000 * (0.8 + 0.45 * rng.nextDouble()))
                : where < NEAR_LINE ? Math.round(100_000 * (0.8 + 0.45 * rng.nextDouble()))
                : rng.nextDouble() < 0.03 ? logNormal(rng, 900_000, 0.8) : logNormal(rng, 6_000, 1.7);
        d.followers = EngagementBands.offEdge(clamp(drawn, 100, 6_000_000));
        d.following = clamp(logNormal(rng, 350, 0.8), 10, 1_450);
        d.engagementRate = engagement(rng, d.followers);
        d.sponsoredRate = sponsorship(rng, d.followers);
        d.postsPerDay = 0.3 + rng.nextDouble() * 1.7;
        // The first creators carry every hostile fragment once in the bio and once in the name, so even a
        // small population exercises all of them; later ones get them at random.
        int forced = hostileCreated;
        d.hostile = forced < 2 * HostileText.FRAGMENTS.size() || rng.nextDouble() < 0.06;
        if (d.hostile) {
            String fragment = forced < 2 * HostileText.FRAGMENTS.size()
                    ? HostileText.FRAGMENTS.get(forced / 2) : HostileText.pick(rng);
            if (forced < 2 * HostileText.FRAGMENTS.size() ? forced % 2 == 0 : rng.nextBoolean()) {
                d.bio = d.bio + " " + fragment;
            } else {
                d.displayName = d.displayName + " " + fragment;
            }
            hostileCreated++;
        }
        d.hasAvatar = rng.nextDouble() < CREATOR_AVATAR;
        if (rng.nextDouble() < FEW_POSTS) {
            // New here: a few weeks or months old, a few dozen posts, often no bio yet. Real, and eligible.
            d.fewPosts = true;
            d.createdAt = reference.minus(40 + rng.nextInt(80), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
            d.postsPerDay = 0.25 + rng.nextDouble() * 0.25;
            if (rng.nextBoolean()) {
                d.bio = "";
            }
        }
        return d;
    }

    /**
     * Turns a creator into one that games its numbers in the given way: blatantly (every sign at once) or, for
     * {@link #SUBTLE_FAKES} of them, with one sign only. A twin made later keeps the same subtlety.
     */
    void makeFake(RandomGenerator rng, Draft d, FakeKind kind, boolean subtle) {
        d.fakeKind = kind;
        d.subtleFake = subtle;
        switch (kind) {
            case BOUGHT_FOLLOWERS -> {
                d.boughtShare = subtle ? 0.12 + rng.nextDouble() * 0.18 : 0.3 + rng.nextDouble() * 0.4;
                // Engagement comes from the real audience only, so the rate on the inflated count drops.
                d.engagementRate = d.engagementRate * (1 - d.boughtShare);
            }
            // A subtle pod only lifts the rate a little above the band's high cut; its posts vary like anyone's.
            case ENGAGEMENT_POD -> d.engagementRate = EngagementBands.bandOf(d.followers).highCut()
                    * (subtle ? 1.1 + 0.9 * rng.nextDouble() : 3 + 3 * rng.nextDouble());
            case BOT_LIKE -> {
                // A subtle bot only posts too often; it follows like a person and carries no bot label.
                d.postsPerDay = subtle ? 20 + rng.nextDouble() * 30 : 55 + rng.nextDouble() * 35;
                d.following = subtle ? d.following : d.followers * (6 + rng.nextInt(10));
                d.engagementRate = EngagementBands.bandOf(d.followers).typical() * 0.2;
                d.bot = !subtle && rng.nextBoolean();
            }
            case NONE -> { }
        }
    }

    Draft audience(RandomGenerator rng, Platform platform, String domain) {
        Draft d = base(rng, platform, domain, AccountKind.AUDIENCE);
        String first = names.first(rng);
        d.username = names.person(rng, first);
        d.displayName = Names.capitalise(first);
        d.bio = rng.nextDouble() >= AUDIENCE_NO_BIO ? "Just here for the good stuff. " + Names.capitalise(first) + " from the coast." : "";
        d.followers = clamp(logNormal(rng, 120, 1.0), 3, 900);
        boolean massFollower = rng.nextDouble() < 0.05;
        d.following = massFollower ? 1_600 + rng.nextInt(4_000) : clamp(logNormal(rng, 250, 0.7), 10, 1_400);
        d.hasAvatar = rng.nextDouble() < AUDIENCE_AVATAR;
        d.postsPerDay = 0.1 + rng.nextDouble() * 0.6;
        d.engagementRate = 0.03;
        if (rng.nextDouble() < LURKERS) {
            // Reads, follows a few accounts, hardly posts: a real person with a bought follower's counts.
            if (rng.nextDouble() < LURKER_NO_BIO) {
                d.bio = "";
            }
            d.followers = rng.nextInt(30);
            d.following = clamp(logNormal(rng, 120, 0.8), 5, 900);
            d.hasAvatar = rng.nextDouble() < LURKER_AVATAR;
            d.postsPerDay = 0.003 + rng.nextDouble() * 0.03;
        }
        return d;
    }

    Draft fakeFollower(RandomGenerator rng, Platform platform, String domain) {
        Draft d = base(rng, platform, domain, AccountKind.FAKE_FOLLOWER);
        d.username = names.numbered(rng);
        d.displayName = "";
        d.bio = "";
        d.hasAvatar = false;
        d.followers = rng.nextInt(20);
        d.following = 1_000 + rng.nextInt(6_500);
        d.createdAt = reference.minus(1 + rng.nextInt(60), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        d.postsPerDay = 0.05;
        d.engagementRate = 0.0;
        if (rng.nextDouble() < DISGUISED_FAKES) {
            // Sold as "real-looking" followers: a person's name, often an avatar and a bio, an older account,
            // a few dozen followers and a few hundred follows. Still bought.
            String first = names.first(rng);
            d.username = names.person(rng, first);
            d.displayName = Names.capitalise(first);
            d.bio = rng.nextDouble() < 0.6 ? "Love life, travel and good food." : "";
            d.hasAvatar = rng.nextDouble() < 0.7;
            d.followers = 10 + rng.nextInt(70);
            d.following = 60 + rng.nextInt(540);
            d.createdAt = reference.minus(60 + rng.nextInt(840), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
            d.postsPerDay = 0.02 + rng.nextDouble() * 0.13;
        }
        return d;
    }

    private Draft base(RandomGenerator rng, Platform platform, String domain, AccountKind kind) {
        Draft d = new Draft();
        d.platform = platform;
        d.domain = domain;
        d.kind = kind;
        d.createdAt = reference.minus(200 + rng.nextInt(2_300), ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        return d;
    }

    private static String bio(RandomGenerator rng, String topic, String first) {
        StringBuilder sb = new StringBuilder("Sharing ").append(topic).append(" from a small flat.");
        if (rng.nextDouble() < 0.3) {
            sb.append(" business: ").append(first).append("@")
                    .append(List.of("kitchen", "studio", "mail", "collab").get(rng.nextInt(4))).append(".example");
        }
        return sb.toString();
    }

    private static String mixLabel(List<Niche> mix) {
        return String.join(", ", mix.stream().map(Niche::label).toList());
    }

    /**
     * Latent median rate: the band's typical rate with log-normal spread, or for {@link #NEAR_LINE} of accounts
     * within ±15% of the band's line (the top of its average range). Nothing is pushed away from the line.
     */
    static double engagement(RandomGenerator rng, long followers) {
        EngagementBands.Band band = EngagementBands.bandOf(followers);
        double rate = rng.nextDouble() < NEAR_LINE ? band.averageHigh() * (0.85 + 0.30 * rng.nextDouble())
                : band.typical() * Math.exp(rng.nextGaussian() * 0.55);
        return Math.min(rate, band.highCut() * 1.5);
    }

    /**
     * Share of partnership posts; big accounts are far more often heavily sponsored, and {@link #NEAR_LINE} of
     * accounts draw a share between 15% and 25%, around the 20% line.
     */
    static double sponsorship(RandomGenerator rng, long followers) {
        if (rng.nextDouble() < NEAR_LINE) {
            return 0.15 + 0.10 * rng.nextDouble();
        }
        double heavy = followers < 10_000 ? 0.08 : followers < 100_000 ? 0.18 : 0.45;
        if (rng.nextDouble() < heavy) {
            return List.of(0.30, 0.35, 0.45).get(rng.nextInt(3));
        }
        return List.of(0.0, 0.0, 0.05, 0.10, 0.15).get(rng.nextInt(5));
    }

    static long logNormal(RandomGenerator rng, double median, double sigma) {
        return Math.round(median * Math.exp(rng.nextGaussian() * sigma));
    }

    static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }
}
