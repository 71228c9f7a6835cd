package dev.scout.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigCheckTest {

    @Test
    void aLaterModulesRuleIsReportedAsAConfigProblem() {
        ConfigLoader loader = Yaml.loader().withChecks(
                c -> List.of(ConfigProblem.of("niche.keywords", "[]", "must list keywords")));

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(Yaml.MINIMAL, "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly("niche.keywords: must list keywords (got [])");
        assertThat(e.source()).isEqualTo("scout.yaml");
    }

    @Test
    void checksRunOnlyOnAConfigurationThatPassedTheLoadersOwnRules() {
        List<ScoutConfig> seen = new ArrayList<>();
        ConfigLoader loader = Yaml.loader().withChecks(c -> {
            seen.add(c);
            return List.of();
        });

        catchThrowableOfType(ConfigException.class, () -> loader.load(Yaml.MINIMAL + "crawl: {maxProfiles: 0}\n", "scout.yaml"));
        assertThat(seen).isEmpty();

        ScoutConfig ok = loader.load(Yaml.MINIMAL, "scout.yaml");
        assertThat(seen).containsExactly(ok);
    }

    @Test
    void aLoaderWithoutChecksIsUnchangedByAddingThemToACopy() {
        ConfigLoader plain = Yaml.loader();
        plain.withChecks(c -> List.of(ConfigProblem.at("x", "always wrong")));

        assertThat(plain.load(Yaml.MINIMAL, "scout.yaml").niche().name()).isEqualTo("plant-based cooking");
    }
}
