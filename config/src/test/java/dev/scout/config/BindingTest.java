package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scout.model.Platform;
import dev.scout.model.ProfileRef;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** How accepted values are normalised into the records. */
class BindingTest {

    @Test
    void hashtagsLoseTheirHashAndCaseAndDuplicates() {
        ScoutConfig c = Yaml.loader().load("niche: {name: n, hashtags: ['#Vegan', vegan, '##PlantBased', 'véganisme']}\n"
                + "seeds: [mastodon:a@b.example]\n", "scout.yaml");

        assertThat(c.niche().hashtags()).containsExactly("vegan", "plantbased", "véganisme");
    }

    @Test
    void wordsLikeOnAndNoStayTextAsInYaml12() {
        ScoutConfig c = Yaml.loader().load("niche: {name: no, keywords: [on, off, yes]}\n"
                + "seeds: [mastodon:a@b.example]\n", "scout.yaml");

        assertThat(c.niche().name()).isEqualTo("no");
        assertThat(c.niche().keywords()).containsExactly("on", "off", "yes");
    }

    @Test
    void keywordsAreTrimmedAndDeduplicated() {
        ScoutConfig c = Yaml.loader().load("niche: {name: ' n ', keywords: [' tofu', tofu, oat milk]}\n"
                + "seeds: [mastodon:a@b.example]\n", "scout.yaml");

        assertThat(c.niche().name()).isEqualTo("n");
        assertThat(c.niche().keywords()).containsExactly("tofu", "oat milk");
    }

    @Test
    void seedsAreParsedAndDeduplicatedInOrder() {
        ScoutConfig c = Yaml.loader().load("niche: {name: n}\nseeds:\n  - https://Fika.example/@ana\n"
                + "  - mastodon:ana@fika.example\n  - '@bo@fika.example'\n", "scout.yaml");

        assertThat(c.seeds()).extracting(ProfileRef::id).containsExactly("mastodon:ana@fika.example", "mastodon:bo@fika.example");
    }

    @Test
    void restrictedSitesAreAcceptedOnlyAfterAnOptIn() {
        ScoutConfig c = Yaml.loader().load("niche: {name: n}\nseeds: ['https://www.tiktok.com/@someone']\n"
                + "platforms: {web: {allowRestrictedSites: true, restrictedSitesAcceptedBy: 'Dana Legal'}}\n", "scout.yaml");

        assertThat(c.seeds()).singleElement().satisfies(r -> assertThat(r.platform()).isEqualTo(Platform.WEB));
        assertThat(c.platforms().web().restrictedSitesAcceptedBy()).isEqualTo("Dana Legal");
    }

    @Test
    void instagramProfileUrlsAreReadThroughTheGraphApiWithTheTokenMasked() {
        ScoutConfig c = Yaml.loader().load("niche: {name: n}\nseeds: ['https://www.instagram.com/Linnea.Bakes/']\n"
                + "platforms: {instagram: {enabled: true, accessToken: EAAB-secret, igUserId: 17841405309211844,"
                + " usageCeilingPct: 70}}\n", "scout.yaml");

        assertThat(c.seeds()).extracting(ProfileRef::id).containsExactly("instagram:linnea.bakes");
        InstagramConfig ig = c.platforms().instagram();
        assertThat(ig.igUserId()).contains("17841405309211844");
        assertThat(ig.graphVersion()).isEqualTo(Defaults.INSTAGRAM_GRAPH_VERSION);
        assertThat(ig.usageCeilingPct()).isEqualTo(70);
        assertThat(ig.toString()).doesNotContain("EAAB-secret");
        assertThat(c.platforms().threads().enabled()).isFalse();
    }

    @Test
    void anInstanceAnswersForItsHostUnlessADomainIsGiven() {
        ScoutConfig c = Yaml.minimalPlus("platforms:\n  mastodon:\n    requestsPerSecond: 2\n    instances:\n"
                + "      - https://Mastodon.social/\n"
                + "      - {url: 'http://127.0.0.1:8080', domain: Fika.Example, requestsPerSecond: 20}\n"
                + "      - {url: 'http://127.0.0.1:8081'}\n");

        MastodonConfig m = c.platforms().mastodon();
        assertThat(m.instances()).containsExactly(
                new MastodonInstance(URI.create("https://Mastodon.social"), "mastodon.social", 2),
                new MastodonInstance(URI.create("http://127.0.0.1:8080"), "fika.example", 20),
                new MastodonInstance(URI.create("http://127.0.0.1:8081"), "127.0.0.1:8081", 2));
        assertThat(m.instanceFor("FIKA.example")).map(MastodonInstance::requestsPerSecond).contains(20.0);
        assertThat(m.instanceFor("other.example")).isEmpty();
    }

    @Test
    void pricingOverridesAreReadPerPlatformAndTier() {
        ScoutConfig c = Yaml.minimalPlus("scoring:\n  pricing:\n    mastodon:\n      nano: {min: 50, max: 250}\n"
                + "      micro: {min: 250, max: 1000.5}\n    youtube: {}\n");

        assertThat(c.scoring().pricing().get(Platform.MASTODON))
                .containsEntry(PricingTier.NANO, new PriceRange(50, 250))
                .containsEntry(PricingTier.MICRO, new PriceRange(250, 1000.5));
        assertThat(c.scoring().pricing().get(Platform.YOUTUBE)).isEmpty();
    }

    @Test
    void formatsAreDeduplicatedAndCaseInsensitive() {
        ScoutConfig c = Yaml.loader(java.util.Map.of("HUBSPOT_TOKEN", "t"))
                .load(Yaml.MINIMAL + "output: {formats: [CSV, csv, HubSpot], csvBom: true}\n", "scout.yaml");

        assertThat(c.output().formats()).containsExactly(OutputFormat.CSV, OutputFormat.HUBSPOT);
        assertThat(c.output().writes(OutputFormat.JSONL)).isFalse();
        assertThat(c.output().csvBom()).isTrue();
    }

    @Test
    void emptyValuesMeanDefaults() {
        ScoutConfig c = Yaml.minimalPlus("crawl:\n  postsPerProfile:\nplatforms:\n");

        assertThat(c.crawl().postsPerProfile()).isEqualTo(Defaults.POSTS_PER_PROFILE);
    }

    @Test
    void sizesAndDurationsAcceptEveryUnit() {
        ScoutConfig c = Yaml.minimalPlus("crawl: {maxBodySize: 512KiB, cacheSize: 1GiB, connectTimeout: 1500ms,"
                + " readTimeout: 2m, callTimeout: 1h, refreshAfter: 30d}\n");

        assertThat(c.crawl().maxBodySize()).hasToString("512KiB");
        assertThat(c.crawl().cacheSize().bytes()).isEqualTo(1L << 30);
        assertThat(c.crawl().connectTimeout().toMillis()).isEqualTo(1500);
        assertThat(c.crawl().callTimeout().toMinutes()).isEqualTo(60);
        assertThat(c.crawl().refreshAfter().toDays()).isEqualTo(30);
    }

    @Test
    void aCustomUserAgentWithAContactIsKept() {
        ScoutConfig c = Yaml.minimalPlus("crawl: {userAgent: 'AcmeScout/3.1 (mailto:ops@acme.example)'}\n");

        assertThat(c.crawl().userAgent()).isEqualTo("AcmeScout/3.1 (mailto:ops@acme.example)");
    }

    @Test
    void outputDirCanBeOverriddenFromTheCommandLine() {
        ScoutConfig c = Yaml.minimalPlus("").withOutputDir(java.nio.file.Path.of("/tmp/x/../run1"));

        assertThat(c.output().dir()).isEqualTo(java.nio.file.Path.of("/tmp/run1"));
        assertThat(c.output().formats()).isEqualTo(Defaults.OUTPUT_FORMATS);
    }

    @Test
    void followerRangeContainsItsBounds() {
        ScoringConfig.Followers f = new ScoringConfig.Followers(1000, 100_000);

        assertThat(f.contains(1000)).isTrue();
        assertThat(f.contains(100_000)).isTrue();
        assertThat(f.contains(999)).isFalse();
        assertThat(f.contains(100_001)).isFalse();
    }
}
