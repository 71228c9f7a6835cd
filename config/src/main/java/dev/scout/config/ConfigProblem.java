package dev.scout.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a configuration: where, what was found, and the rule it broke.
 *
 * <p>{@link #toString()} is the line shown to the user, e.g. {@code scoring.followers.min: must be >= 0 (got -5)}.
 * The value is absent when showing it would not help (an unknown key, a missing key) or must not be shown (a secret).
 *
 * @param path  the key path ({@code crawl.retry.maxAttempts}, {@code seeds[2]}) or, for YAML syntax errors,
 *              {@code file:line:column}
 * @param value the offending value as the user wrote it (or as it read after {@code ${VAR}} substitution)
 * @param rule  what the value must be, in words a user can act on
 */
public record ConfigProblem(String path, Optional<String> value, String rule) {

    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(rule, "rule");
    }

    /** A problem that shows the offending value. */
    public static ConfigProblem of(String path, String value, String rule) {
        return new ConfigProblem(path, Optional.of(value), rule);
    }

    /** A problem without a value to show. */
    public static ConfigProblem at(String path, String rule) {
        return new ConfigProblem(path, Optional.empty(), rule);
    }

    @Override
    public String toString() {
        return path + ": " + rule + value.map(v -> " (got " + v + ")").orElse("");
    }
}
