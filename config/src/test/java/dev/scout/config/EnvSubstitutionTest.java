package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

    @Test
    void replacesVariablesInStringValuesAnywhereInTheText() {
        ScoutConfig c = Yaml.loader(Map.of("NICHE", "vegan", "CONTACT", "ops@shop.example"))
                .load(Yaml.MINIMAL.replace("plant-based cooking", "'${NICHE} cooking'")
                        + "crawl: {userAgent: 'ShopScout/2 (${CONTACT})'}\n", "scout.yaml");

        assertThat(c.niche().name()).isEqualTo("vegan cooking");
        assertThat(c.crawl().userAgent()).isEqualTo("ShopScout/2 (ops@shop.example)");
    }

    @Test
    void worksUnquotedInBlockStyle() {
        ScoutConfig c = Yaml.loader(Map.of("NICHE", "vegan")).load(
                "niche:\n  name: ${NICHE} cooking\nseeds:\n  - mastodon:${NICHE}@fika.example\n", "scout.yaml");

        assertThat(c.niche().name()).isEqualTo("vegan cooking");
        assertThat(c.seeds()).extracting(dev.scout.model.ProfileRef::id).containsExactly("mastodon:vegan@fika.example");
    }

    @Test
    void usesTheDefaultWhenTheVariableIsUnsetOrEmpty() {
        String yaml = Yaml.MINIMAL + "output: {dir: '${OUT:-results}'}\n";

        assertThat(Yaml.loader().load(yaml, "s", java.nio.file.Path.of("/base")).output().dir())
                .isEqualTo(java.nio.file.Path.of("/base/results"));
        assertThat(Yaml.loader(Map.of("OUT", "")).load(yaml, "s", java.nio.file.Path.of("/base")).output().dir())
                .isEqualTo(java.nio.file.Path.of("/base/results"));
        assertThat(Yaml.loader(Map.of("OUT", "elsewhere")).load(yaml, "s", java.nio.file.Path.of("/base")).output().dir())
                .isEqualTo(java.nio.file.Path.of("/base/elsewhere"));
    }

    @Test
    void substitutedTextIsAcceptedForNumbersAndBooleans() {
        ScoutConfig c = Yaml.loader(Map.of("POSTS", "25", "PRIVATE", "true", "SHARE", "0.4"))
                .load(Yaml.MINIMAL + "crawl: {postsPerProfile: '${POSTS}', allowPrivateAddresses: '${PRIVATE}'}\n"
                        + "scoring: {niche: {minShare: '${SHARE}'}}\n", "scout.yaml");

        assertThat(c.crawl().postsPerProfile()).isEqualTo(25);
        assertThat(c.crawl().allowPrivateAddresses()).isTrue();
        assertThat(c.scoring().niche().minShare()).isEqualTo(0.4);
    }

    @Test
    void substitutedNumbersAreStillRangeChecked() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader(Map.of("POSTS", "999"))
                .load(Yaml.MINIMAL + "crawl: {postsPerProfile: '${POSTS}'}\n", "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString)
                .containsExactly("crawl.postsPerProfile: must be between 1 and 200 (got 999)");
    }

    @Test
    void anUnsetVariableWithoutDefaultNamesTheKeyAndTheVariable() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader()
                .load(Yaml.MINIMAL + "crawl: {userAgent: '${SCOUT_UA}'}\n", "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
                "crawl.userAgent: environment variable SCOUT_UA is not set (set it, or write ${SCOUT_UA:-default} to give a default)");
    }

    @Test
    void everyUnsetVariableIsReportedNotJustTheFirst() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> Yaml.loader()
                .load(Yaml.MINIMAL + "output: {dir: '${A}/${B}'}\nstore: '${C}'\n", "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::path).containsExactly("output.dir", "store");
        assertThat(e.getMessage()).contains("environment variable A is not set").contains("environment variable C");
    }

    @Test
    void doubleDollarWritesALiteralPlaceholder() {
        ScoutConfig c = Yaml.loader(Map.of("X", "no")).load(Yaml.MINIMAL.replace("plant-based cooking", "'$${X} cooking'"),
                "scout.yaml");

        assertThat(c.niche().name()).isEqualTo("${X} cooking");
    }

    @Test
    void malformedPlaceholdersAreProblems() {
        ConfigException unclosed = catchThrowableOfType(ConfigException.class, () -> Yaml.loader()
                .load(Yaml.MINIMAL + "output: {dir: '${OUT'}\n", "scout.yaml"));
        ConfigException badName = catchThrowableOfType(ConfigException.class, () -> Yaml.loader()
                .load(Yaml.MINIMAL + "output: {dir: '${1OUT}'}\n", "scout.yaml"));

        assertThat(unclosed.problems()).extracting(ConfigProblem::toString).containsExactly(
                "output.dir: has a ${ without a closing } (write $${ for a literal ${) (got '${OUT')");
        assertThat(badName.problems()).extracting(ConfigProblem::toString).containsExactly(
                "output.dir: has ${1OUT}, which is not an environment variable name (letters, digits and _, not starting with a digit) (got '${1OUT}')");
    }

    @Test
    void secretsComeFromTheEnvironment() {
        ScoutConfig c = Yaml.loader(Map.of("HUBSPOT_TOKEN", "pat-na1-secret", "YT", "AIza-secret"))
                .load(Yaml.MINIMAL + "output: {formats: [csv, hubspot]}\n"
                        + "platforms: {youtube: {enabled: true, apiKey: '${YT}'}}\n", "scout.yaml");

        assertThat(c.hubspot().token()).map(Secret::reveal).contains("pat-na1-secret");
        assertThat(c.platforms().youtube().apiKey()).map(Secret::reveal).contains("AIza-secret");
    }

    @Test
    void hubspotTokenIsNotNeededWhenHubspotIsNotAnOutput() {
        ScoutConfig c = Yaml.loader().load(Yaml.MINIMAL, "scout.yaml");

        assertThat(c.hubspot().token()).isEmpty();
    }
}
