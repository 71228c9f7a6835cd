package dev.scout.simnet.population;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scout.model.Platform;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PopulationStatsTest {

    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");
    static final List<String> DOMAINS = List.of("fika.example", "fern.example", "oat.example");
    static Population population;
    static List<SimAccount> creators;

    @BeforeAll
    static void generate() {
        population = new PopulationGenerator(42, 1_200, NOW, DOMAINS).generate();
        creators = population.accounts().stream().filter(a -> a.kind() == AccountKind.CREATOR).toList();
    }

    @Test
    void generatesTheRequestedNumberOfAccounts() {
        assertThat(population.accounts()).hasSize(1_200);
        assertThat(population.on(Platform.MASTODON)).hasSizeGreaterThan(600);
        assertThat(population.on(Platform.BLUESKY)).hasSizeGreaterThan(150);
        assertThat(population.on(Platform.WEB)).hasSizeGreaterThan(20);
    }

    @Test
    void sameSeedGivesEqualPopulationAndDifferentSeedDoesNot() {
        Population again = new PopulationGenerator(42, 1_200, NOW, DOMAINS).generate();
        assertThat(again.accounts()).isEqualTo(population.accounts());
        for (int i = 0; i < population.accounts().size(); i += 37) {
            assertThat(again.posts(i)).isEqualTo(population.posts(i));
            assertThat(again.followers(i)).isEqualTo(population.followers(i));
        }
        Population other = new PopulationGenerator(43, 1_200, NOW, DOMAINS).generate();
        assertThat(other.accounts()).isNotEqualTo(population.accounts());
    }

    @Test
    void followerCountsAreHeavyTailed() {
        List<Double> followers = creators.stream().map(a -> (double) a.followers()).toList();
        double median = median(followers);
        double mean = followers.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(followers.stream().mapToDouble(Double::doubleValue).min().orElseThrow()).isLessThanOrEqualTo(200);
        assertThat(followers.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isGreaterThan(1_000_000);
        assertThat(mean).isGreaterThan(3 * median);
        long inRange = creators.stream().filter(a -> a.followers() >= 1_000 && a.followers() <= 100_000).count();
        assertThat((double) inRange / creators.size()).isBetween(0.6, 0.9);
    }

    @Test
    void medianLatentEngagementFallsWithFollowerBand() {
        double previous = Double.MAX_VALUE;
        for (EngagementBands.Band band : EngagementBands.bands().subList(0, 5)) {
            List<Double> rates = creators.stream().filter(a -> !a.latent().isFake())
                    .filter(a -> a.followers() >= band.minFollowers() && a.followers() < band.maxFollowers())
                    .map(a -> a.latent().engagementRate()).toList();
            assertThat(rates).as("creators in band from %d", band.minFollowers()).hasSizeGreaterThan(10);
            double median = median(rates);
            assertThat(median).as("median rate of band from %d", band.minFollowers()).isLessThan(previous);
            previous = median;
        }
    }

    @Test
    void observedMedianEngagementTracksTheLatentRateWithoutBeingPushedOffTheLine() {
        int near = 0;
        for (SimAccount a : creators) {
            if (a.latent().isFake() || a.followers() < 1_000 || a.followers() > 100_000 || a.flags().suspended()) {
                continue;
            }
            List<Double> rates = population.posts(a.index()).stream().filter(p -> !p.isRepost()).limit(40)
                    .map(p -> (double) p.engagements() / a.followers()).toList();
            double latent = a.latent().engagementRate();
            assertThat(median(rates) / latent).as("account %s latent %.4f observed %.4f", a.handle(), latent, median(rates))
                    .isBetween(0.75, 1.25);
            double line = EngagementBands.bandOf(a.followers()).averageHigh();
            if (Math.abs(latent / line - 1) < 0.10) {
                near++;
            }
        }
        assertThat(near).as("creators within 10% of their band's engagement line").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aShareOfCreatorsSitsNearEveryLineOfTheGroundTruth() {
        assertThat(creators.stream().filter(a -> a.latent().sponsoredRate() >= 0.15 && a.latent().sponsoredRate() <= 0.25
                && a.latent().sponsoredRate() != 0.15)).as("partnership share between 15% and 25%").hasSizeGreaterThan(20);
        assertThat(creators.stream().filter(a -> a.followers() >= 800 && a.followers() <= 1_250))
                .as("followers near 1,000").hasSizeGreaterThan(10);
        assertThat(creators.stream().filter(a -> a.followers() >= 80_000 && a.followers() <= 125_000))
                .as("followers near 100,000").hasSizeGreaterThan(10);
        assertThat(creators.stream().filter(a -> !a.latent().isFake() && population.postsCount(a.index()) < 50))
                .as("real creators with fewer than 50 posts").hasSizeGreaterThan(5);
        assertThat(creators.stream().filter(a -> a.latent().fakeKind() == FakeKind.BOUGHT_FOLLOWERS
                && a.latent().boughtFollowerShare() < 0.3)).as("creators with a small bought share").isNotEmpty();
    }

    @Test
    void recentPostsShowTheLatentSponsoredShare() {
        for (SimAccount a : creators) {
            List<SimPost> recent = population.posts(a.index()).stream().filter(SimPost::isOriginal).limit(40).toList();
            if (recent.size() < 20) {
                continue;
            }
            double share = recent.stream().filter(SimPost::sponsored).count() / (double) recent.size();
            assertThat(share).as("sponsored share of %s", a.handle()).isCloseTo(a.latent().sponsoredRate(),
                    org.assertj.core.data.Offset.offset(0.051));
        }
    }

    @Test
    void nicheShareOfRecentPostsSeparatesCreatorsFromGeneralists() {
        for (SimAccount a : population.accounts()) {
            if (a.kind() != AccountKind.CREATOR && a.kind() != AccountKind.GENERALIST || a.latent().isFake()) {
                continue;
            }
            List<SimPost> recent = population.posts(a.index()).stream().filter(p -> !p.isRepost()).limit(40).toList();
            for (Niche niche : Niche.values()) {
                double share = recent.stream().filter(p -> p.niche().filter(niche::equals).isPresent()).count() / (double) recent.size();
                if (a.kind() == AccountKind.GENERALIST) {
                    assertThat(share).as("%s share of generalist %s", niche, a.handle()).isLessThan(0.30);
                } else if (a.latent().primaryNiche().filter(niche::equals).isPresent()) {
                    assertThat(share).as("%s share of creator %s", niche, a.handle()).isGreaterThan(0.40);
                }
            }
        }
    }

    @Test
    void aboutOneCreatorInSixIsInTheDemoNicheAndAboutOneInTenFakes() {
        long demo = creators.stream().filter(a -> a.latent().primaryNiche().orElse(null) == Niche.demo()).count();
        long fakes = creators.stream().filter(a -> a.latent().isFake()).count();
        assertThat((double) demo / creators.size()).isBetween(0.12, 0.24);
        assertThat((double) fakes / creators.size()).isBetween(0.06, 0.16);
        for (FakeKind kind : List.of(FakeKind.BOUGHT_FOLLOWERS, FakeKind.ENGAGEMENT_POD, FakeKind.BOT_LIKE)) {
            assertThat(creators).as("creators of kind %s", kind).anyMatch(a -> a.latent().fakeKind() == kind);
        }
    }

    @Test
    void boughtFollowersShowUpAsFakeAccountsInTheFollowerList() {
        for (SimAccount a : creators) {
            List<Integer> followers = population.followers(a.index());
            if (followers.size() < 50) {
                continue;
            }
            double fakeShare = followers.stream().filter(i -> population.account(i).kind() == AccountKind.FAKE_FOLLOWER).count()
                    / (double) followers.size();
            if (a.latent().fakeKind() == FakeKind.BOUGHT_FOLLOWERS) {
                // The bought share shows (a small population's pool of fakes cannot always fill a large one).
                assertThat(fakeShare).as("fake share of %s", a.handle())
                        .isGreaterThanOrEqualTo(Math.min(0.25, a.latent().boughtFollowerShare()) * 0.6);
            } else {
                assertThat(fakeShare).as("fake share of %s", a.handle()).isLessThan(0.1);
            }
        }
    }

    @Test
    void mostFakeFollowersCarryEveryObservableSignalAndSomeAreDisguisedAsPeople() {
        List<SimAccount> fakes = population.accounts().stream().filter(a -> a.kind() == AccountKind.FAKE_FOLLOWER).toList();
        List<SimAccount> blatant = fakes.stream().filter(a -> a.username().matches(".*\\d{4,}.*")).toList();
        blatant.forEach(a -> {
            assertThat(a.hasAvatar()).isFalse();
            assertThat(a.bio()).isEmpty();
            assertThat(a.following()).isGreaterThanOrEqualTo(1_000);
            assertThat(a.followers()).isLessThan(20);
            assertThat(population.posts(a.index())).hasSizeLessThanOrEqualTo(3);
            assertThat(a.createdAt()).isAfter(NOW.minusSeconds(61L * 86_400));
        });
        double disguised = 1 - blatant.size() / (double) fakes.size();
        assertThat(disguised).as("share of bought followers that look like people").isBetween(0.10, 0.50);
        fakes.stream().filter(a -> !blatant.contains(a)).forEach(a -> {
            assertThat(a.following()).isBetween(60L, 600L);
            assertThat(a.followers()).isBetween(10L, 80L);
        });
        creators.forEach(a -> assertThat(a.username()).doesNotContainPattern("\\d{4,}$"));
    }

    @Test
    void groundTruthMatchesTheLatentPropertiesAndIsDiscoverableByHashtag() {
        List<SimAccount> truth = GroundTruth.picks(population, Niche.demo());
        assertThat(truth).hasSizeGreaterThanOrEqualTo(15);
        for (SimAccount a : truth) {
            assertThat(a.kind()).isEqualTo(AccountKind.CREATOR);
            assertThat(a.followers()).isBetween(1_000L, 100_000L);
            assertThat(a.latent().primaryNiche()).contains(Niche.demo());
            assertThat(a.latent().engagementRate()).isGreaterThanOrEqualTo(EngagementBands.bandOf(a.followers()).averageHigh());
            assertThat(a.latent().sponsoredRate()).isLessThanOrEqualTo(0.2);
            assertThat(a.latent().brands()).hasSizeLessThanOrEqualTo(3);
            assertThat(a.latent().fakeKind()).isEqualTo(FakeKind.NONE);
            assertThat(a.flags().optedOutOrGone() || a.flags().bot()).isFalse();
            SimPost newest = population.posts(a.index()).stream().filter(SimPost::isOriginal).findFirst().orElseThrow();
            assertThat(newest.hashtags()).anySatisfy(t -> assertThat(t.toLowerCase()).isIn("vegan", "plantbased"));
            assertThat(newest.createdAt()).isAfter(NOW.minusSeconds(86_400));
        }
        long excluded = creators.stream().filter(a -> a.latent().primaryNiche().orElse(null) == Niche.demo())
                .filter(a -> !GroundTruth.isPick(a, Niche.demo())).count();
        assertThat(excluded).as("demo-niche creators a scout must reject").isGreaterThan(truth.size());
    }

    @Test
    void everyGroundTruthAccountOnASocialPlatformIsMentionedBySomeoneElse() {
        java.util.Set<Integer> mentioned = new java.util.HashSet<>();
        for (SimAccount a : population.accounts()) {
            for (SimPost p : population.posts(a.index())) {
                p.segments().stream().filter(Segment.Mention.class::isInstance)
                        .map(s -> ((Segment.Mention) s).accountIndex()).filter(i -> i != a.index()).forEach(mentioned::add);
            }
        }
        GroundTruth.picks(population, Niche.demo()).stream().filter(a -> a.platform() != Platform.WEB)
                .forEach(a -> assertThat(mentioned).as("mentions of %s", a.handle()).contains(a.index()));
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Test
    void mostFollowersShowYearsOfPostsWhileLurkersAndBlatantBoughtFollowersShowFew() {
        List<SimAccount> audience = population.accounts().stream().filter(a -> a.kind() == AccountKind.AUDIENCE).toList();
        long fewPosts = audience.stream().filter(a -> population.postsCount(a.index()) < 50).count();
        // Lurkers (about 15%) read and follow but hardly post: real people a fake-account classifier must not condemn.
        assertThat((double) fewPosts / audience.size()).isBetween(0.08, 0.30);
        for (SimAccount a : audience) {
            assertThat(population.postsCount(a.index())).isGreaterThanOrEqualTo(population.posts(a.index()).size());
        }
        assertThat(population.accounts().stream().filter(a -> a.kind() == AccountKind.FAKE_FOLLOWER)
                .filter(a -> a.username().matches(".*\\d{4,}.*")))
                .allSatisfy(a -> assertThat(population.postsCount(a.index())).isLessThan(10));
    }
}
