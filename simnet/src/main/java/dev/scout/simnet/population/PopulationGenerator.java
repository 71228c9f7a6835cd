package dev.scout.simnet.population;

import dev.scout.model.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Builds a {@link Population} from a seed: brands (on Mastodon and Bluesky), creators (72% Mastodon, 20% Bluesky,
 * 8% web pages; about 18% in the demo niche, 12% generalists, 10% gaming their numbers), some of them with a
 * Bluesky twin or a moved-to successor, an audience pool and a pool of bought followers. Deterministic: the same
 * arguments give an equal population. Not thread-safe; use one instance per generation.
 */
public final class PopulationGenerator {

    /** Handle domain of Bluesky accounts in the simulation ({@code name.sky.example}). */
    public static final String BLUESKY_DOMAIN = "sky.example";
    /** Pseudo-domain of public web profile pages. */
    public static final String WEB_DOMAIN = "web";
    /** Fewest accounts a population may have. */
    public static final int MIN_SIZE = 200;
    /**
     * Most accounts a population may have. Generation is linear in the size; 150,000 accounts take about a minute
     * and ~4 GiB of heap (measured for the scale benchmark), so this is what a benchmark machine can hold.
     */
    public static final int MAX_SIZE = 150_000;

    private final long seed;
    private final int size;
    private final Instant reference;
    private final List<String> domains;
    private final List<Draft> drafts = new ArrayList<>();
    private final Names names = new Names();
    private final AccountFactory factory;
    private int persons;
    private boolean webNoindexAssigned;
    private final boolean instagram;

    /**
     * @param seed      randomness seed
     * @param size      number of accounts to generate, {@value #MIN_SIZE}..{@value #MAX_SIZE}
     * @param reference "now" of the simulation: the newest posts are a few hours older than this
     * @param domains   Mastodon handle domains, at least one
     */
    public PopulationGenerator(long seed, int size, Instant reference, List<String> domains) {
        this(seed, size, reference, domains, false);
    }

    /**
     * @param instagram also give some creators an Instagram account ({@link InstagramTwins}); these come on top of
     *                  {@code size} and leave every other account as it would be without them
     */
    public PopulationGenerator(long seed, int size, Instant reference, List<String> domains, boolean instagram) {
        this.instagram = instagram;
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("population size must be between " + MIN_SIZE + " and " + MAX_SIZE
                    + " (got " + size + ")");
        }
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("at least one Mastodon domain is needed");
        }
        this.seed = seed;
        this.size = size;
        this.reference = reference;
        this.domains = List.copyOf(domains);
        this.factory = new AccountFactory(names, reference);
    }

    public Population generate() {
        RandomGenerator rng = new SplittableRandom(seed);
        Map<Platform, List<Integer>> brands = Map.of(Platform.MASTODON, new ArrayList<>(), Platform.BLUESKY, new ArrayList<>());
        int perNiche = size >= 400 ? 3 : 1;
        for (Niche niche : Niche.values()) {
            for (String name : AccountFactory.brandNames(niche).subList(0, perNiche)) {
                Draft m = add(factory.brand(rng, niche, name, Platform.MASTODON, domain(rng)));
                m.personId = persons++;
                brands.get(Platform.MASTODON).add(m.index);
                Draft b = add(m.copyAs(drafts.size(), Platform.BLUESKY));
                blueskyIdentity(rng, b, m.username);
                b.website = m.website;
                brands.get(Platform.BLUESKY).add(b.index);
            }
        }
        int audience = Math.round(size * 0.20f);
        int fakes = Math.round(size * 0.10f);
        int creatorBudget = size - drafts.size() - audience - fakes;
        int creatorsStart = drafts.size();
        while (drafts.size() - creatorsStart < creatorBudget) {
            addCreator(rng, creatorBudget - (drafts.size() - creatorsStart));
        }
        for (int i = 0; i < audience; i++) {
            boolean bluesky = rng.nextDouble() < 0.35;
            Draft d = add(factory.audience(rng, bluesky ? Platform.BLUESKY : Platform.MASTODON, domain(rng)));
            finishIdentity(rng, d);
        }
        for (int i = 0; i < fakes; i++) {
            boolean bluesky = rng.nextDouble() < 0.35;
            Draft d = add(factory.fakeFollower(rng, bluesky ? Platform.BLUESKY : Platform.MASTODON, domain(rng)));
            finishIdentity(rng, d);
        }
        for (Draft d : drafts) {
            if ((d.kind == AccountKind.CREATOR || d.kind == AccountKind.GENERALIST) && d.sponsoredRate > 0) {
                assignBrands(rng, d, brands.get(d.platform == Platform.BLUESKY ? Platform.BLUESKY : Platform.MASTODON));
            }
        }
        if (instagram) {
            InstagramTwins.add(drafts, factory, seed);
        }
        var posts = new PostGenerator(drafts, reference, seed).generate();
        var followers = FollowerGraph.build(drafts, seed);
        return new Population(drafts.stream().map(Draft::freeze).toList(), posts, followers);
    }

    private void addCreator(RandomGenerator rng, int remaining) {
        double p = rng.nextDouble();
        Platform platform = p < 0.72 ? Platform.MASTODON : p < 0.92 ? Platform.BLUESKY : Platform.WEB;
        boolean generalist = rng.nextDouble() < 0.12;
        Niche niche = rng.nextDouble() < 0.18 ? Niche.demo() : Niche.values()[1 + rng.nextInt(Niche.values().length - 1)];
        List<Niche> mix = generalist ? generalistMix(rng) : List.of(niche);
        Draft d = add(factory.creator(rng, platform, domain(rng), niche, generalist, mix));
        d.personId = persons++;
        double f = rng.nextDouble();
        boolean subtle = rng.nextDouble() < AccountFactory.SUBTLE_FAKES;
        if (f < 0.04) {
            factory.makeFake(rng, d, FakeKind.BOUGHT_FOLLOWERS, subtle);
        } else if (f < 0.07) {
            factory.makeFake(rng, d, FakeKind.ENGAGEMENT_POD, subtle);
        } else if (f < 0.10) {
            factory.makeFake(rng, d, FakeKind.BOT_LIKE, subtle);
        }
        finishIdentity(rng, d);
        creatorFlags(rng, d);
        if (platform == Platform.MASTODON && remaining > 1 && rng.nextDouble() < 0.25) {
            Draft twin = add(d.copyAs(drafts.size(), Platform.BLUESKY));
            resample(rng, twin, 0.3, 1.2);
            blueskyIdentity(rng, twin, d.username);
            twin.bio = d.bio + " Also on Mastodon: @" + d.username + "@" + d.domain;
            twin.website = Optional.of("https://" + d.domain + "/@" + d.username);
            twin.noUnauthenticated = rng.nextDouble() < 0.04;
        } else if (platform == Platform.MASTODON && remaining > 1 && rng.nextDouble() < 0.03 && domains.size() > 1) {
            Draft successor = add(d.copyAs(drafts.size(), Platform.MASTODON));
            resample(rng, successor, 0.8, 1.0);
            successor.username = d.username;
            successor.domain = domains.get((domains.indexOf(d.domain) + 1) % domains.size());
            successor.bio = d.bio;
            successor.website = d.website;
            d.movedTo = Optional.of(successor.index);
            d.locked = false;
            d.suspended = false;
        }
    }

    private void creatorFlags(RandomGenerator rng, Draft d) {
        double r = rng.nextDouble();
        switch (d.platform) {
            case MASTODON -> {
                d.locked = r < 0.03;
                d.suspended = r >= 0.03 && r < 0.05;
                d.noindex = r >= 0.05 && r < 0.08;
                d.indexable = !(r >= 0.08 && r < 0.11);
                d.discoverable = rng.nextDouble() >= 0.12;
                d.legacy = r >= 0.11 && rng.nextDouble() < 0.12;
            }
            case BLUESKY -> d.noUnauthenticated = r < 0.04;
            case WEB -> {
                // At least one page opts out with meta robots noindex, whatever the size.
                d.noindex = r < 0.03 || !webNoindexAssigned;
                webNoindexAssigned = true;
            }
            case YOUTUBE, INSTAGRAM, THREADS -> throw new IllegalStateException("no " + d.platform.key()
                    + " creators are drawn here (Instagram accounts are twins, InstagramTwins)");
        }
    }

    private void resample(RandomGenerator rng, Draft d, double low, double high) {
        d.followers = EngagementBands.offEdge(Math.max(100, Math.round(d.followers * (low + rng.nextDouble() * (high - low)))));
        if (d.fakeKind == FakeKind.NONE) {
            d.engagementRate = AccountFactory.engagement(rng, d.followers);
        } else {
            FakeKind kind = d.fakeKind;
            d.engagementRate = AccountFactory.engagement(rng, d.followers);
            factory.makeFake(rng, d, kind, d.subtleFake);
        }
    }

    private void assignBrands(RandomGenerator rng, Draft d, List<Integer> pool) {
        int wanted;
        if (d.sponsoredRate <= 0.2) {
            wanted = rng.nextDouble() < 0.1 ? 4 + rng.nextInt(2) : 1 + rng.nextInt(3);
        } else {
            wanted = 3 + rng.nextInt(5);
        }
        List<Integer> same = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int b : pool) {
            (d.primaryNiche.isPresent() && drafts.get(b).mix.get(0) == d.primaryNiche.get() ? same : other).add(b);
        }
        while (d.brands.size() < wanted && !(same.isEmpty() && other.isEmpty())) {
            List<Integer> from = !same.isEmpty() && (other.isEmpty() || rng.nextDouble() < 0.7) ? same : other;
            d.brands.add(from.remove(rng.nextInt(from.size())));
        }
    }

    private void finishIdentity(RandomGenerator rng, Draft d) {
        if (d.platform == Platform.BLUESKY) {
            blueskyIdentity(rng, d, d.username);
        } else if (d.platform == Platform.WEB) {
            d.domain = WEB_DOMAIN;
        }
    }

    private void blueskyIdentity(RandomGenerator rng, Draft d, String base) {
        d.username = base.replace('_', '-') + "." + BLUESKY_DOMAIN;
        d.domain = BLUESKY_DOMAIN;
        StringBuilder did = new StringBuilder("did:plc:");
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        for (int i = 0; i < 24; i++) {
            did.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        d.did = Optional.of(did.toString());
    }

    private List<Niche> generalistMix(RandomGenerator rng) {
        List<Niche> all = new ArrayList<>(List.of(Niche.values()));
        List<Niche> mix = new ArrayList<>();
        if (rng.nextDouble() < 0.4) {
            mix.add(all.remove(0));
        } else {
            all.remove(0);
        }
        while (mix.size() < 4) {
            mix.add(all.remove(rng.nextInt(all.size())));
        }
        return mix;
    }

    private String domain(RandomGenerator rng) {
        return domains.get(rng.nextInt(domains.size()));
    }

    private Draft add(Draft d) {
        d.index = drafts.size();
        drafts.add(d);
        return d;
    }
}
