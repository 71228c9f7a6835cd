package dev.scout.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that cannot be used. Carries every problem found, not just the first, so a user fixes them in
 * one pass. The message lists them one per line; it never contains a secret's value.
 *
 * <p>Unchecked so that callers can let it reach the CLI's single exception handler, which maps it to exit code 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<ConfigProblem> problems;

    /**
     * @param source   the configuration's name as shown to the user (a file path or {@code <demo>})
     * @param problems at least one problem
     */
    public ConfigException(String source, List<ConfigProblem> problems) {
        super(message(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.source = Objects.requireNonNull(source, "source");
        this.problems = List.copyOf(problems);
    }

    /** The configuration's name as shown to the user. */
    public String source() {
        return source;
    }

    /** Every problem found, in document order where known; never empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String message(String source, List<ConfigProblem> problems) {
        StringBuilder sb = new StringBuilder("invalid configuration ").append(source).append(" (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (ConfigProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
