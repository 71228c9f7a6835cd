package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class MalformedYamlTest {

    @Test
    void badIndentationIsReportedAtFileLineAndColumn() {
        String yaml = "niche:\n  name: x\n    hashtags: [vegan]\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly("scout.yaml:3:13: mapping values are not allowed here");
        assertThat(e.source()).isEqualTo("scout.yaml");
    }

    @Test
    void anUnclosedListNamesWhereItStarted() {
        String yaml = "niche:\n  name: x\n  hashtags: [vegan, plantbased\nseeds: []\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "scout.yaml:4:6: expected ',' or ']', but got : (while parsing a flow sequence that starts at 3:13)");
    }

    @Test
    void tabsAreReportedWhereTheyAre() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> Yaml.loader().load("niche:\n\tname: x\n", "conf/scout.yaml"));

        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).path()).isEqualTo("conf/scout.yaml:2:1");
        assertThat(e.problems().get(0).rule()).contains("TAB");
    }

    @Test
    void aDuplicatedKeyIsAnErrorNotASilentOverride() {
        String yaml = "niche: {name: x}\nseeds: [mastodon:a@b.example]\nstore: a.db\nstore: b.db\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly("scout.yaml:4:6: Duplicate field 'store'");
    }

    @Test
    void aSecondDocumentIsAnErrorNotSilentlyIgnored() {
        String yaml = Yaml.MINIMAL + "---\ncrawl: {maxProfiles: 5}\n";

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load(yaml, "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "scout.yaml:4:1: holds more than one YAML document (a second ---); put the whole configuration in one");
    }

    @Test
    void aLeadingDocumentMarkerIsFine() {
        assertThat(Yaml.loader().load("---\n" + Yaml.MINIMAL, "scout.yaml").niche().name()).isEqualTo("plant-based cooking");
    }

    @Test
    void theMessageListsEveryProblemOnItsOwnLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader()
                .load(Yaml.MINIMAL + "crawl: {postsPerProfile: 0, maxProfiles: 0}\n", "scout.yaml"));

        assertThat(e).hasMessage("invalid configuration scout.yaml (2 problems):\n"
                + "  crawl.postsPerProfile: must be between 1 and 200 (got 0)\n"
                + "  crawl.maxProfiles: must be >= 1 (got 0)");
    }

    @Test
    void anEmptyDocumentReportsWhatIsRequired() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader().load("", "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("niche.name", "seeds");
    }
}
