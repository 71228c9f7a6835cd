package dev.scout.simnet;

import java.util.List;

/** A {@link SimConfig} that cannot run; lists every problem, each naming the setting, the value and the rule. */
public final class InvalidSimConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSimConfigException(List<String> problems) {
        super("invalid simulated network settings:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
