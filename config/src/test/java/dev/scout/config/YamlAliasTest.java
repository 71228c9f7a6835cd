package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * YAML anchors and aliases ({@code &name} / {@code *name}) are resolved as YAML defines them, never read as the
 * text of the alias's name; an alias to nothing and an expansion bomb are refused at {@code file:line:column}.
 */
class YamlAliasTest {

    @Test
    void anAliasInAListIsTheAnchoredValueNotItsName() {
        ScoutConfig c = Yaml.loader().load("niche:\n  name: &n plant-based cooking\n  keywords: [&kw tofu, tempeh]\n"
                + "  hashtags: [*kw]\nseeds: [mastodon:ana@fika.example]\n", "scout.yaml");

        assertThat(c.niche().keywords()).containsExactly("tofu", "tempeh");
        assertThat(c.niche().hashtags()).containsExactly("tofu");
    }

    @Test
    void anAliasedListIsCopiedWhole() {
        ScoutConfig c = Yaml.loader().load("niche:\n  name: x\n  keywords: &words [tofu, tempeh]\n  hashtags: *words\n"
                + "seeds: [mastodon:ana@fika.example]\n", "scout.yaml");

        assertThat(c.niche().hashtags()).containsExactly("tofu", "tempeh");
    }

    @Test
    void aMergeKeyCopiesTheAnchoredMappingWithoutOverridingWhatIsWritten() {
        ScoutConfig c = Yaml.loader().load(Yaml.MINIMAL
                + "platforms:\n  mastodon:\n    instances:\n"
                + "      - &slow {url: https://a.example, requestsPerSecond: 0.25}\n"
                + "      - {<<: *slow, url: https://b.example}\n"
                + "discovery:\n  <<: {depth: 1, hashtagPages: 3}\n  depth: 0\n", "scout.yaml");

        assertThat(c.platforms().mastodon().instances()).extracting(i -> i.url().getHost(), MastodonInstance::requestsPerSecond)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a.example", 0.25),
                        org.assertj.core.groups.Tuple.tuple("b.example", 0.25));
        assertThat(c.discovery().depth()).isZero();
        assertThat(c.discovery().hashtagPages()).isEqualTo(3);
    }

    @Test
    void anAliasToAnUndefinedAnchorIsReportedWhereItIs() {
        String yaml = "niche:\n  name: x\n  keywords: [*kw]\nseeds: [mastodon:ana@fika.example]\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "scout.yaml:3:14: *kw refers to no anchor: define it first with &kw on the value to reuse,"
                        + " or write the value out");
    }

    @Test
    @Timeout(10)
    void aBillionLaughsDocumentIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Yaml.loader().load(yaml.toString(), "scout.yaml"));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).matches("scout\\.yaml:\\d+:\\d+");
        assertThat(e.problems().get(0).rule()).startsWith("aliases expand to more than 10000 values");
    }

    @Test
    @Timeout(20)
    void aDeeplyNestedDocumentWithAnAnchorIsRefusedQuickly() {
        String yaml = "niche: {name: &n x}\nseeds: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.rule()).contains("nesting depth"));
    }

    @Test
    void scalarsKeepTheirTypesThroughAnAlias() {
        ScoutConfig c = Yaml.loader().load(Yaml.MINIMAL
                + "crawl: {maxInFlightPerHost: &two 2, maxInFlightTotal: *two, allowPrivateAddresses: &yes true,"
                + " refreshAfter: &d 3d}\nplatforms: {mastodon: {requestsPerSecond: &r 0.5}, web: {requestsPerSecond: *r}}\n"
                + "discovery: {depth: *two, useDirectory: *yes}\n", "scout.yaml");

        assertThat(c.crawl().maxInFlightTotal()).isEqualTo(2);
        assertThat(c.crawl().refreshAfter()).isEqualTo(Duration.ofDays(3));
        assertThat(c.platforms().web().requestsPerSecond()).isEqualTo(0.5);
        assertThat(c.discovery().depth()).isEqualTo(2);
        assertThat(c.discovery().useDirectory()).isTrue();
    }
}
