package dev.scout.config.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in configuration text with environment values.
 *
 * <p>{@code ${VAR:-default}} uses the default when {@code VAR} is unset or empty, as a POSIX shell does;
 * {@code $${} writes a literal {@code ${}. A problem (unset variable, bad syntax) is recorded against the key path;
 * for secret keys the message never shows the value.
 */
public final class EnvSubstitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, Optional<String>> env;

    /** @param env looks a variable up; empty when unset */
    public EnvSubstitution(Function<String, Optional<String>> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Whether the text contains anything to substitute (or an escape to undo). */
    public static boolean hasPlaceholder(String text) {
        return text.contains("${");
    }

    /**
     * The text with every placeholder replaced, or empty after recording a problem for {@code path}.
     *
     * @param secret true for keys that hold credentials: problems then omit the value
     */
    public Optional<String> apply(String path, String text, boolean secret, Problems problems) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (!text.startsWith("${", i)) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = text.indexOf('}', i + 2);
            if (end < 0) {
                report(problems, path, text, secret, "has a ${ without a closing } (write $${ for a literal ${)");
                return Optional.empty();
            }
            String body = text.substring(i + 2, end);
            int sep = body.indexOf(":-");
            String name = sep < 0 ? body : body.substring(0, sep);
            if (!NAME.matcher(name).matches()) {
                report(problems, path, text, secret, "has ${" + Render.clean(name)
                        + "}, which is not an environment variable name (letters, digits and _, not starting with a digit)");
                return Optional.empty();
            }
            Optional<String> value = env.apply(name);
            if (sep >= 0) {
                out.append(value.filter(v -> !v.isEmpty()).orElse(body.substring(sep + 2)));
            } else if (value.isPresent()) {
                out.append(value.get());
            } else {
                problems.at(path, "environment variable " + name + " is not set (set it, or write ${" + name
                        + ":-default} to give a default)");
                return Optional.empty();
            }
            i = end + 1;
        }
        return Optional.of(out.toString());
    }

    private static void report(Problems problems, String path, String text, boolean secret, String rule) {
        if (secret) {
            problems.at(path, rule);
        } else {
            problems.add(path, Render.text(text), rule);
        }
    }
}
