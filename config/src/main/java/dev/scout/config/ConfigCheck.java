package dev.scout.config;

import java.util.List;

/**
 * A rule that a later module owns, run by {@link ConfigLoader} on a configuration that passed every rule of its
 * own, so that its problems are reported like any other configuration problem (key path, value, rule; exit code 2)
 * before anything runs. The app adds the scorer's rules this way, so they are written once, in the scorer.
 *
 * <p>Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface ConfigCheck {

    /**
     * @param config a configuration that broke none of the loader's own rules
     * @return every problem found, each with the key path the user wrote; empty when the configuration is usable
     */
    List<ConfigProblem> check(ScoutConfig config);
}
