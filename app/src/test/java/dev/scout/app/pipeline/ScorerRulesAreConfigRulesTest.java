package dev.scout.app.pipeline;

import dev.scout.config.ConfigException;
import dev.scout.config.ConfigProblem;
import dev.scout.config.ScoutConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every rule the scorer enforces on its settings is refused by the config loader first, at the key the user wrote,
 * so a config that passed validation can never crash the scorer. The rules are found by reading the sources: every
 * key named by a file that throws {@code InvalidScoringSettingsException}. A new rule without a case below fails
 * this test.
 */
class ScorerRulesAreConfigRulesTest {
    private static final String MINIMAL = "niche: {name: plant-based cooking}\nseeds: [mastodon:ana@fika.example]\n";
    private static final String SEEDS = "seeds: [mastodon:ana@fika.example]\n";
    /** A whole string literal that is a config key path, or the fixed start of one ("scoring.pricing." + key). */
    private static final Pattern KEY_LITERAL =
            Pattern.compile("\"((?:niche|crawl|discovery|scoring|platforms|output|store|hubspot)\\.[A-Za-z.\\[]*)\"");

    /** Key (or key prefix) of each scorer rule, and a scout.yaml that breaks it. */
    private static final Map<String, String> BREAKS = new LinkedHashMap<>();
    /**
     * Rules no scout.yaml can reach, and why. (The classifier's cut, {@code suspiciousProbability}, has no scout.yaml
     * key, so its rule names the builder's setting, not a key path, and is not listed here.)
     */
    private static final Map<String, String> UNREACHABLE = Map.of();

    static {
        BREAKS.put("scoring.followers.min", MINIMAL + "scoring: {followers: {min: -5}}\n");
        BREAKS.put("scoring.followers.max", MINIMAL + "scoring: {followers: {min: 5000, max: 100}}\n");
        BREAKS.put("crawl.postsPerProfile", MINIMAL + "crawl: {postsPerProfile: 0}\n");
        BREAKS.put("scoring.niche.minShare", MINIMAL + "scoring: {niche: {minShare: 1.5}}\n");
        BREAKS.put("scoring.sponsorship.maxShare", MINIMAL + "scoring: {sponsorship: {maxShare: -0.1}}\n");
        BREAKS.put("scoring.sponsorship.maxDistinctBrands", MINIMAL + "scoring: {sponsorship: {maxDistinctBrands: -1}}\n");
        BREAKS.put("scoring.authenticity.minAudienceRealPct", MINIMAL + "scoring: {authenticity: {minAudienceRealPct: 101}}\n");
        BREAKS.put("scoring.engagement.minGrade", MINIMAL + "scoring: {engagement: {minGrade: superb}}\n");
        BREAKS.put("niche.name", "niche: {name: '  ', keywords: [tofu]}\n" + SEEDS);
        BREAKS.put("scoring.pricing.", MINIMAL + "scoring: {pricing: {myspace: {micro: {min: 1, max: 2}}}}\n");
        BREAKS.put("scoring.weights", MINIMAL + "scoring: {weights: {engagement: 0, niche: 0, sponsorship: 0, authenticity: 0}}\n");
        BREAKS.put("scoring.weights.engagement", MINIMAL + "scoring: {weights: {engagement: -1}}\n");
        BREAKS.put("scoring.weights.niche", MINIMAL + "scoring: {weights: {niche: -1}}\n");
        BREAKS.put("scoring.weights.sponsorship", MINIMAL + "scoring: {weights: {sponsorship: -1}}\n");
        BREAKS.put("scoring.weights.authenticity", MINIMAL + "scoring: {weights: {authenticity: -1}}\n");
        BREAKS.put("niche.keywords", "niche: {name: test}\n" + SEEDS);
        BREAKS.put("niche.taxonomy[", "niche: {name: test, taxonomy: [no-such-niche]}\n" + SEEDS);
    }

    @Test
    void everyScorerRuleIsCoveredByACase() {
        Set<String> rules = scorerRuleKeys();
        Set<String> covered = new TreeSet<>(BREAKS.keySet());
        covered.addAll(UNREACHABLE.keySet());

        assertThat(rules).as("scorer rules found in the sources").hasSizeGreaterThan(12);
        assertThat(covered).as("a case for every scorer rule, and no case for a rule that is gone")
                .containsExactlyInAnyOrderElementsOf(rules);
    }

    @Test
    void theConfigLoaderRefusesEveryScorerRuleAtItsKey() {
        BREAKS.forEach((key, yaml) -> {
            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> ScorerSettingsCheck.loader(name -> Optional.empty()).load(yaml, "scout.yaml"));

            assertThat(e).as("config breaking %s is refused", key).isNotNull();
            assertThat(e.problems()).as("problems for %s", key).extracting(ConfigProblem::path)
                    .anySatisfy(path -> assertThat(path).startsWith(key));
        });
    }

    @Test
    void aNicheWithNoVocabularyIsRefusedWithItsKeyAndWhatToDo() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> ScorerSettingsCheck
                .loader(name -> Optional.empty()).load(BREAKS.get("niche.keywords"), "scout.yaml"));

        assertThat(e.problems()).extracting(ConfigProblem::toString).singleElement().asString()
                .startsWith("niche.keywords: must list keywords or hashtags unless niche.name names a shipped niche");
    }

    @Test
    void aShippedNicheNamedInTaxonomyGivesTheVocabulary() {
        ScoutConfig c = ScorerSettingsCheck.loader(name -> Optional.empty())
                .load("niche: {name: test, taxonomy: [plant-based-cooking]}\n" + SEEDS, "scout.yaml");

        assertThat(Settings.scoring(c).niche().keywords()).contains("tofu");
        assertThat(Settings.scoring(c).niche().name()).isEqualTo("test");
    }

    private static Set<String> scorerRuleKeys() {
        Set<String> keys = new TreeSet<>();
        for (Path root : new Path[] {Path.of("..", "scorer", "src", "main", "java"), Path.of("src", "main", "java")}) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".java")).map(ScorerRulesAreConfigRulesTest::read)
                        .filter(text -> text.contains("new InvalidScoringSettingsException("))
                        .forEach(text -> {
                            Matcher m = KEY_LITERAL.matcher(text);
                            while (m.find()) {
                                keys.add(m.group(1));
                            }
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
