package dev.scout.app.pipeline;

import dev.scout.config.ConfigCheck;
import dev.scout.config.ConfigLoader;
import dev.scout.config.ConfigProblem;
import dev.scout.config.ScoutConfig;
import dev.scout.scorer.InvalidScoringSettingsException;
import dev.scout.scorer.StandardScorer;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scorer's own rules, checked while the config is loaded: builds the scorer exactly as a run will (through
 * {@link Settings#scoring}) and turns the scorer's refusal into a configuration problem at the same key path. The
 * rules stay written once, in the scorer, and a config that would crash the scorer is refused with exit code 2
 * before anything is crawled. Stateless and thread-safe.
 */
public final class ScorerSettingsCheck implements ConfigCheck {

    /** The loader every command uses: the config's own rules, then the scorer's. */
    public static ConfigLoader loader(Function<String, Optional<String>> env) {
        return new ConfigLoader(env).withChecks(new ScorerSettingsCheck());
    }

    /** {@link #loader(Function)} over the process environment. */
    public static ConfigLoader loader() {
        return new ConfigLoader().withChecks(new ScorerSettingsCheck());
    }

    @Override
    public List<ConfigProblem> check(ScoutConfig config) {
        try {
            new StandardScorer(Settings.scoring(config));
            return List.of();
        } catch (InvalidScoringSettingsException e) {
            return List.of(ConfigProblem.of(e.key(), e.value(), e.rule()));
        }
    }
}
