package dev.scout.config.internal;

import dev.scout.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects problems while a configuration is read, so that all of them are reported together. Not thread-safe. */
public final class Problems {
    private final List<ConfigProblem> problems = new ArrayList<>();

    /** Records a problem that shows the offending value. */
    public void add(String path, String value, String rule) {
        problems.add(ConfigProblem.of(path, value, rule));
    }

    /** Records a problem without a value (unknown or missing key, secret). */
    public void at(String path, String rule) {
        problems.add(ConfigProblem.at(path, rule));
    }

    public void add(ConfigProblem problem) {
        problems.add(problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** How many problems so far; lets a caller tell whether a step added any. */
    public int count() {
        return problems.size();
    }

    public List<ConfigProblem> all() {
        return List.copyOf(problems);
    }
}
